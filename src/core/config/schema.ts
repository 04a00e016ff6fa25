/**
 * Every `runbookLens.*` setting in one table: key, JSON shape, default, validation and the
 * message for a bad value. The extension and the CLI both read settings through it, and a test
 * checks package.json's `contributes.configuration` against it key by key.
 */
import { DEFAULT_PROTECTED } from '../guard/confirmation';
import { resolveResponseTargets, type ResponseTarget } from '../incident/responseTargets';
import type { Severity } from '../incident/types';
import { resolveUpdateIntervals } from '../incident/updateCadence';
import { DEFAULT_PAGERDUTY_EVENTS_URL } from '../integrations/pagerdutyEvents';
import type { FailurePolicy } from '../runbook/runAllPlan';
import { booleanSetting, enumSetting, numberSetting, stringListSetting, stringMapSetting, stringSetting, type Setting } from './kinds';

/** Per-severity objects; each bad entry is reported and that severity keeps its default. */
function severityMap<T>(key: string, resolve: (raw: unknown) => { values: Record<Severity, T>; problems: string[] }): Setting<Record<Severity, T>> {
  return { key, shape: { type: 'object' }, default: {}, read: (raw) => { const r = resolve(raw); return { value: r.values, problems: r.problems }; } };
}

export const SETTINGS = {
  shell: stringSetting('runbookLens.shell', 'bash', { nonEmpty: true, allowed: 'a shell program such as bash or sh' }),
  defaultTimeoutSeconds: numberSetting('runbookLens.defaultTimeoutSeconds', 600, { minimum: 0, allowed: 'a number of seconds, 0 or more; 0 for none' }),
  incidentsDir: stringSetting('runbookLens.incidentsDir', 'incidents', { nonEmpty: true, allowed: 'a folder name relative to the workspace' }),
  revealOutput: booleanSetting('runbookLens.revealOutput', true),
  actor: stringSetting('runbookLens.actor', '', { allowed: 'a name, or "" for the OS user name' }),
  responseTargets: severityMap<ResponseTarget>('runbookLens.responseTargets', (raw) => { const r = resolveResponseTargets(raw); return { values: r.targets, problems: r.problems }; }),
  updateIntervals: severityMap<number>('runbookLens.updateIntervals', (raw) => { const r = resolveUpdateIntervals(raw); return { values: r.intervals, problems: r.problems }; }),
  updateReminders: booleanSetting('runbookLens.updateReminders', true),
  lintEnabled: booleanSetting('runbookLens.lint.enabled', true),
  runAllOnFailure: enumSetting<FailurePolicy>('runbookLens.runAll.onFailure', ['ask', 'stop', 'continue'], 'ask'),
  safetyExtraDestructive: stringListSetting('runbookLens.safety.extraDestructive', [], 'command pattern'),
  safetyDeny: stringListSetting('runbookLens.safety.deny', [], 'command pattern'),
  safetyProtectedContexts: stringListSetting('runbookLens.safety.protectedContexts', DEFAULT_PROTECTED, 'context name pattern'),
  kubeconfig: stringListSetting('runbookLens.kubeconfig', [], 'kubeconfig path'),
  clusterServiceProxy: booleanSetting('runbookLens.cluster.serviceProxy', true),
  prometheusUrls: stringMapSetting('runbookLens.prometheus.urls', 'Prometheus URL'),
  prometheusDefaultUrl: stringSetting('runbookLens.prometheus.defaultUrl', '', { allowed: 'a URL, or "" for none' }),
  prometheusTimeoutSeconds: numberSetting('runbookLens.prometheus.timeoutSeconds', 30, { minimum: 0, allowed: 'a number of seconds, 0 or more; 0 for none' }),
  alertmanagerUrl: stringSetting('runbookLens.alertmanager.url', '', { allowed: 'a URL, or "" for none' }),
  teamPollSeconds: numberSetting('runbookLens.team.pollSeconds', 10, { minimum: 2, allowed: 'a number of seconds, 2 or more' }),
  teamMaxSharedOutputKiB: numberSetting('runbookLens.team.maxSharedOutputKiB', 1024, { minimum: 1, allowed: 'a number of KiB, 1 or more' }),
  teamRecentRunMinutes: numberSetting('runbookLens.team.recentRunMinutes', 10, { minimum: 0, allowed: 'a number of minutes, 0 or more; 0 for never' }),
  pagerdutyEventsUrl: stringSetting('runbookLens.pagerduty.eventsUrl', DEFAULT_PAGERDUTY_EVENTS_URL, { nonEmpty: true, allowed: 'the Events API base URL' }),
} as const;

export type SettingName = keyof typeof SETTINGS;
export type Settings = { [K in SettingName]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never };
