import * as vscode from 'vscode';
import { DEFAULT_PAGERDUTY_EVENTS_URL } from '../../core/integrations/pagerdutyEvents';

export interface ObservabilitySettings {
  prometheusUrls: Record<string, string>;
  prometheusDefaultUrl: string;
  queryTimeoutMs: number;
  alertmanagerUrl: string;
  pagerdutyEventsUrl: string;
}

export function readObservabilitySettings(scope?: vscode.Uri): ObservabilitySettings {
  const c = vscode.workspace.getConfiguration('runbookLens', scope);
  const urls = c.get<Record<string, unknown>>('prometheus.urls') ?? {};
  return {
    prometheusUrls: Object.fromEntries(Object.entries(urls).filter((e): e is [string, string] => typeof e[1] === 'string')),
    prometheusDefaultUrl: (c.get<string>('prometheus.defaultUrl') ?? '').trim(),
    queryTimeoutMs: Math.max(0, c.get<number>('prometheus.timeoutSeconds') ?? 30) * 1000,
    alertmanagerUrl: (c.get<string>('alertmanager.url') ?? '').trim(),
    pagerdutyEventsUrl: (c.get<string>('pagerduty.eventsUrl') ?? '').trim() || DEFAULT_PAGERDUTY_EVENTS_URL,
  };
}
