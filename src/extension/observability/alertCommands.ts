import * as path from 'node:path';
import * as vscode from 'vscode';
import { listActiveAlerts, alertName, type Alert } from '../../core/integrations/alertmanagerClient';
import { recordAlert } from '../../core/integrations/alertRecord';
import { resolveRunbookUrl } from '../../core/integrations/alertRunbook';
import { readIncident } from '../../core/incident/incidentStore';
import { markMilestone } from '../../core/incident/lifecycle';
import { readTimeline } from '../../core/incident/timeline';
import type { TimelineEntry } from '../../core/incident/types';
import type { RunbookCache } from '../runbookCache';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import type { ObservabilitySecrets } from './credentials';
import { showError } from '../commands';
import { showPick } from '../prompts';

export interface ImportArgs {
  /** Alert names or fingerprints to add without the picker ('all' for every one). */
  pick?: string[];
  /** Answer the "set detected?" offer up front. */
  detected?: boolean;
}

export interface ImportResult {
  added: TimelineEntry[];
  detected?: string;
}

function ago(iso: string): string {
  const min = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  if (Number.isNaN(min)) return iso;
  return min < 1 ? 'just now' : min < 90 ? `${min} min ago` : `${Math.round(min / 60)} h ago`;
}

async function fetchAlerts(secrets: ObservabilitySecrets): Promise<{ alerts: Alert[]; url: string } | undefined> {
  const { alertmanagerUrl: url } = readSettings();
  if (!url) {
    const pick = await showError('set runbookLens.alertmanager.url to import alerts.', 'Open Settings');
    if (pick) await vscode.commands.executeCommand('workbench.action.openSettings', 'runbookLens.alertmanager.url');
    return undefined;
  }
  try {
    const auth = await secrets.authFor(url);
    const alerts = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading Alertmanager alerts…' }, () => listActiveAlerts({ baseUrl: url, auth }));
    return { alerts, url };
  } catch (err) {
    void showError(err);
    return undefined;
  }
}

async function chooseAlerts(alerts: Alert[], pick: string[] | undefined): Promise<Alert[] | undefined> {
  if (pick) return pick.includes('all') ? alerts : alerts.filter((a) => pick.includes(a.fingerprint) || pick.includes(alertName(a)));
  const items = alerts.map((a) => ({
    label: `$(bell) ${alertName(a)}${a.labels.severity ? ` [${a.labels.severity}]` : ''}`,
    description: `${a.status.state === 'suppressed' ? 'silenced · ' : ''}since ${ago(a.startsAt)}`,
    detail: [a.annotations.summary ?? a.annotations.description ?? '', Object.entries(a.labels).filter(([k]) => k !== 'alertname' && k !== 'severity').map(([k, v]) => `${k}=${v}`).join(' ')]
      .filter(Boolean).join(' — '),
    alert: a,
  }));
  const picked = await showPick(items, { title: 'Import Firing Alerts: choose the alerts to add to the timeline', canPickMany: true, matchOnDetail: true });
  return picked?.map((p) => p.alert);
}

/** Import Firing Alerts: active alerts → chosen ones into the timeline → offer `detected` at the earliest startsAt. */
export async function importAlerts(services: ExtensionServices, secrets: ObservabilitySecrets, args: ImportArgs = {}): Promise<ImportResult | undefined> {
  const fetched = await fetchAlerts(secrets);
  if (!fetched) return undefined;
  if (!fetched.alerts.length) {
    void vscode.window.showInformationMessage(`Runbook Lens: Alertmanager at ${fetched.url} has no active alerts.`);
    return { added: [] };
  }
  const chosen = await chooseAlerts(fetched.alerts, args.pick);
  if (!chosen?.length) return undefined;
  const first = [...chosen].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  // Starting an incident here offers the earliest of these alerts as the start of impact.
  const dir = await services.incidents.ensure({ earliestAlert: { name: alertName(first), startsAt: first.startsAt } });
  if (!dir) return undefined;
  const actor = readSettings().actor;
  const added: TimelineEntry[] = [];
  for (const a of chosen) added.push(await recordAlert(dir, a, { actor, alertmanager: fetched.url }));

  const current = (await readIncident(dir)).milestones.detected;
  let setDetected = args.detected;
  if (setDetected === undefined && current !== new Date(first.startsAt).toISOString()) {
    const answer = await vscode.window.showInformationMessage(
      `Runbook Lens: added ${added.length} alert${added.length === 1 ? '' : 's'}. Set the detected milestone to ${first.startsAt} (when ${alertName(first)} started)?`,
      { detail: current ? `detected is currently ${current}.` : undefined },
      'Set Detected',
    );
    setDetected = answer === 'Set Detected';
  }
  let detected: string | undefined;
  if (setDetected) {
    await markMilestone(dir, 'detected', new Date(first.startsAt), { actor });
    detected = new Date(first.startsAt).toISOString();
  }
  const linked = chosen.filter((a) => a.annotations.runbook_url);
  if (!args.pick && linked.length) {
    const what = linked.length === 1 ? `${alertName(linked[0])} links a runbook` : `${linked.length} of the alerts link runbooks`;
    void vscode.window.showInformationMessage(`Runbook Lens: ${what}.`, 'Open Runbook').then((pick) => pick && vscode.commands.executeCommand(
      'runbookLens.openRunbookForAlert', linked.length === 1 ? linked[0].annotations.runbook_url : undefined));
  }
  return { added, detected };
}

/** Alerts the user can pick from: the active ones, and those already imported into the open incident. */
async function alertsWithRunbooks(services: ExtensionServices, secrets: ObservabilitySecrets): Promise<{ name: string; url: string; detail: string }[]> {
  const out = new Map<string, { name: string; url: string; detail: string }>();
  const { alertmanagerUrl } = readSettings();
  if (alertmanagerUrl) {
    const fetched = await fetchAlerts(secrets);
    for (const a of fetched?.alerts ?? []) {
      if (a.annotations.runbook_url) out.set(a.fingerprint, { name: alertName(a), url: a.annotations.runbook_url, detail: `firing since ${ago(a.startsAt)}` });
    }
  }
  const dir = services.incidents.currentDir();
  if (dir) {
    for (const e of (await readTimeline(dir)).entries) {
      const a = e.alert as { fingerprint?: string; name?: string; annotations?: Record<string, string> } | undefined;
      const url = a?.annotations?.runbook_url;
      if (url && !out.has(a.fingerprint ?? url)) out.set(a.fingerprint ?? url, { name: a.name ?? 'alert', url, detail: 'imported into this incident' });
    }
  }
  return [...out.values()];
}

function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

export type OpenedRunbook = { kind: 'workspace'; path: string } | { kind: 'web'; url: string };

/**
 * Open Runbook for Alert: follows `runbook_url` to a runbook in the workspace whose path ends
 * like the URL (jumping to the #heading), or opens it in the browser.
 */
export async function openRunbookForAlert(
  services: ExtensionServices,
  secrets: ObservabilitySecrets,
  runbooks: RunbookCache,
  arg?: string | Alert | { runbook_url?: string },
): Promise<OpenedRunbook | undefined> {
  let url = typeof arg === 'string' ? arg : arg && 'annotations' in arg ? arg.annotations.runbook_url : arg?.runbook_url;
  if (!url) {
    const options = await alertsWithRunbooks(services, secrets);
    if (!options.length) {
      void vscode.window.showInformationMessage('Runbook Lens: no active or imported alert has a runbook_url annotation.');
      return undefined;
    }
    const picked = await showPick(options.map((o) => ({ label: o.name, description: o.url, detail: o.detail, url: o.url })), { title: 'Open Runbook for Alert', matchOnDescription: true });
    url = picked?.url;
    if (!url) return undefined;
  }
  const files = await vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}', 10_000);
  const rel = new Map(files.map((f) => [vscode.workspace.asRelativePath(f, false), f]));
  const link = resolveRunbookUrl(url, [...rel.keys()]);
  if (link.kind === 'none') {
    void vscode.window.showWarningMessage(`Runbook Lens: ${link.reason}.`);
    return undefined;
  }
  if (link.kind === 'web') {
    await vscode.env.openExternal(vscode.Uri.parse(link.url, true));
    return { kind: 'web', url: link.url };
  }
  let chosen = link.paths[0];
  if (link.paths.length > 1) {
    const picked = await showPick(link.paths.map((p) => ({ label: path.basename(p), description: p, p })), { title: `Several runbooks match ${url}` });
    if (!picked) return undefined;
    chosen = picked.p;
  }
  const doc = await vscode.workspace.openTextDocument(rel.get(chosen)!);
  const heading = link.fragment ? runbooks.get(doc).headings.find((h) => slug(h.text) === slug(link.fragment!)) : undefined;
  const at = new vscode.Position(heading ? heading.line - 1 : 0, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: false });
  return { kind: 'workspace', path: chosen };
}
