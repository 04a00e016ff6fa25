import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { setStatus, startIncident } from '../core/incident/lifecycle';
import { readIncident } from '../core/incident/incidentStore';
import type { Severity } from '../core/incident/types';
import type { EnsureHint, IncidentService } from './services';
import { readSettings } from './settings';
import { parseMilestoneTime } from '../core/incident/milestoneTime';
import { formatUtc } from '../core/incident/timeFormat';
import { askTime, TIME_HELP } from './incident/askTime';
import { showError } from './commands';
import { askText, showPick } from './prompts';

const CURRENT_KEY = 'runbookLens.currentIncident';
const SEVERITIES: { label: Severity; description: string }[] = [
  { label: 'P0', description: 'Critical: complete outage, data loss risk' },
  { label: 'P1', description: 'High: major feature broken, significant impact' },
  { label: 'P2', description: 'Medium: minor feature broken, workaround exists' },
  { label: 'P3', description: 'Low: cosmetic issues, minimal impact' },
];

export interface StartIncidentArgs {
  title?: string;
  severity?: Severity;
  commander?: string;
  /** When the impact began, as typed in the prompt (`now`, `-15m`, `14:05`, ISO); default now. */
  impactStart?: string;
  /** The earliest alert known when the incident starts (e.g. from Import Firing Alerts), offered as the start of impact. */
  earliestAlert?: { name: string; startsAt: string };
}

/** Asks when the impact began: now, the earliest alert, or a typed time. undefined = cancelled. */
async function askImpactStart(alert: StartIncidentArgs['earliestAlert'], step: string): Promise<Date | undefined> {
  const now = new Date();
  type Item = vscode.QuickPickItem & { at?: Date };
  const items: Item[] = [{ label: '$(clock) Now', description: formatUtc(now, false), at: now }];
  const alertAt = alert ? new Date(alert.startsAt) : undefined;
  if (alert && alertAt && !Number.isNaN(alertAt.getTime()) && alertAt.getTime() <= now.getTime()) {
    items.push({ label: `$(bell) When ${alert.name} started firing`, description: formatUtc(alertAt, false), detail: 'The earliest imported alert', at: alertAt });
  }
  items.push({ label: '$(edit) Type a time…', description: TIME_HELP });
  const pick = await showPick(items, { title: `Start Incident (${step}): when did the impact begin?`, placeHolder: 'The start of impact: time to detect, mitigate and resolve count from it' });
  if (!pick) return undefined;
  if (pick.at) return pick.at;
  return askTime(`Start Incident (${step}): start of impact`, '-15m');
}

/** Tracks which incident folder is open in this workspace. */
export class IncidentSession implements IncidentService, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly recordedRun = new vscode.EventEmitter<void>();
  readonly onDidRecord = this.recordedRun.event;

  constructor(private readonly state: vscode.Memento) {}

  dispose(): void {
    this.changed.dispose();
    this.recordedRun.dispose();
  }

  /** A run was recorded: a file watcher can lag far behind on a loaded machine. */
  recorded(): void {
    this.recordedRun.fire();
  }

  currentDir(): string | undefined {
    const dir = this.state.get<string>(CURRENT_KEY);
    return dir && fs.existsSync(path.join(dir, 'incident.json')) ? dir : undefined;
  }

  async setCurrent(dir: string | undefined): Promise<void> {
    await this.state.update(CURRENT_KEY, dir);
    this.changed.fire();
  }

  async ensure(hint: EnsureHint = {}): Promise<string | undefined> {
    const dir = this.currentDir();
    if (dir) return hint.allowResolved ? dir : this.unlessResolved(dir, hint);
    const pick = await vscode.window.showInformationMessage(
      'Runbook Lens: no incident is open. Runs are recorded in an incident timeline.',
      { modal: true, detail: 'Start an incident to record this run.' },
      'Start Incident',
    );
    return pick ? this.start({ earliestAlert: hint.earliestAlert }) : undefined;
  }

  /** A run never lands silently in a resolved incident: reopen it, start a new one, or cancel. */
  private async unlessResolved(dir: string, hint: EnsureHint): Promise<string | undefined> {
    const incident = await readIncident(dir);
    if (incident.status !== 'resolved') return dir;
    const pick = await vscode.window.showWarningMessage(
      `Runbook Lens: the open incident “${incident.title}” is resolved.`,
      { modal: true, detail: 'Reopen it to record this run in its timeline (status back to investigating; the resolution time is cleared), or start a new incident for it.' },
      'Reopen Incident',
      'Start New Incident',
    );
    if (pick === 'Reopen Incident') {
      await setStatus(dir, 'investigating', { actor: readSettings().actor });
      this.changed.fire();
      return dir;
    }
    return pick === 'Start New Incident' ? this.start({ earliestAlert: hint.earliestAlert }) : undefined;
  }

  incidentsRoot(): string | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    return path.resolve(folder.uri.fsPath, readSettings(folder.uri).incidentsDir);
  }

  async start(args: StartIncidentArgs = {}): Promise<string | undefined> {
    const root = this.incidentsRoot();
    if (!root) {
      void showError('open a folder first; incidents are recorded inside the workspace.');
      return undefined;
    }
    const interactive = args.title === undefined;
    const title = args.title ?? (await askText({
      title: 'Start Incident (1/4)',
      prompt: 'Incident title',
      placeHolder: 'e.g. photon-compiler returns 503',
      validateInput: (v) => (v.trim() ? undefined : 'A title is required'),
    }));
    if (!title) return undefined;
    const severity = args.severity ?? (await showPick(SEVERITIES, { title: 'Start Incident (2/4): severity' }))?.label;
    if (!severity) return undefined;
    const actor = readSettings().actor;
    const commander = args.commander ?? (interactive
      ? await askText({ title: 'Start Incident (3/4): incident commander', value: actor, prompt: 'Who coordinates the response (IC)' })
      : actor);
    if (commander === undefined) return undefined;
    const impactStart = args.impactStart !== undefined ? parseMilestoneTime(args.impactStart, new Date())
      : interactive ? await askImpactStart(args.earliestAlert, '4/4') : undefined;
    if (interactive && !impactStart) return undefined;
    const { dir } = await startIncident(root, { title: title.trim(), severity, commander: commander.trim() || undefined, impactStart }, { actor });
    await this.setCurrent(dir);
    void vscode.window.setStatusBarMessage(`Runbook Lens: incident started in ${vscode.workspace.asRelativePath(dir)}`, 4000);
    return dir;
  }
}
