import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startIncident } from '../core/incident/lifecycle';
import type { Severity } from '../core/incident/types';
import type { IncidentService } from './services';
import { readSettings } from './settings';

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
}

/** Tracks which incident folder is open in this workspace. */
export class IncidentSession implements IncidentService, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  dispose(): void {
    this.changed.dispose();
  }

  currentDir(): string | undefined {
    const dir = this.state.get<string>(CURRENT_KEY);
    return dir && fs.existsSync(path.join(dir, 'incident.json')) ? dir : undefined;
  }

  async setCurrent(dir: string | undefined): Promise<void> {
    await this.state.update(CURRENT_KEY, dir);
    this.changed.fire();
  }

  async ensure(): Promise<string | undefined> {
    const dir = this.currentDir();
    if (dir) return dir;
    const pick = await vscode.window.showInformationMessage(
      'Runbook Lens: no incident is open. Runs are recorded in an incident timeline.',
      { modal: true, detail: 'Start an incident to record this run.' },
      'Start Incident',
    );
    return pick ? this.start() : undefined;
  }

  incidentsRoot(): string | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    return path.resolve(folder.uri.fsPath, readSettings(folder.uri).incidentsDir);
  }

  async start(args: StartIncidentArgs = {}): Promise<string | undefined> {
    const root = this.incidentsRoot();
    if (!root) {
      void vscode.window.showErrorMessage('Runbook Lens: open a folder first; incidents are recorded inside the workspace.');
      return undefined;
    }
    const interactive = args.title === undefined;
    const title = args.title ?? (await vscode.window.showInputBox({
      title: 'Start Incident (1/3)',
      prompt: 'Incident title',
      placeHolder: 'e.g. photon-compiler returns 503',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'A title is required'),
    }));
    if (!title) return undefined;
    const severity = args.severity ?? (await vscode.window.showQuickPick(SEVERITIES, { title: 'Start Incident (2/3): severity', ignoreFocusOut: true }))?.label;
    if (!severity) return undefined;
    const actor = readSettings().actor;
    const commander = args.commander ?? (interactive
      ? await vscode.window.showInputBox({ title: 'Start Incident (3/3): incident commander', value: actor, prompt: 'Who coordinates the response (IC)', ignoreFocusOut: true })
      : actor);
    if (commander === undefined) return undefined;
    const { dir } = await startIncident(root, { title: title.trim(), severity, commander: commander.trim() || undefined }, { actor });
    await this.setCurrent(dir);
    void vscode.window.setStatusBarMessage(`Runbook Lens: incident started in ${vscode.workspace.asRelativePath(dir)}`, 4000);
    return dir;
  }
}
