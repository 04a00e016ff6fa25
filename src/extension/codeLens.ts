import * as vscode from 'vscode';
import { shellBlockLenses } from '../core/runbook/lensModel';
import { lensRun } from '../core/incident/blockRuns';
import type { IncidentModel } from './incident/incidentModel';
import { readSettings } from './settings';
import type { ExtensionServices } from './services';
import type { RunbookCache } from './runbookCache';
import type { RunState } from './run/runState';
import { notRunnableReason } from './generatedDocument';

/** Maps the core lens model onto VS Code CodeLenses. */
export class RunbookCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly services: ExtensionServices,
    private readonly runbooks: RunbookCache,
    private readonly state: RunState,
    /** The open incident: a teammate's run of a block shows on its lens. */
    private readonly incident?: IncidentModel,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const uri = document.uri;
    if (notRunnableReason(document)) return []; // a post-mortem or timeline quotes commands: never ▶ Run them from there
    const me = readSettings(uri).actor;
    const entries = this.incident?.current()?.entries ?? [];
    const rel = vscode.workspace.asRelativePath(uri, false);
    const specs = shellBlockLenses(this.runbooks.get(document), {
      target: this.services.target.current(),
      blocked: this.services.guard.blockedReason?.(),
      isRunning: (i) => this.state.isRunning(uri, i),
      lastResult: (i) => lensRun(this.state.lastResult(uri, i), entries, rel, i, me),
      me,
    });
    return specs.map((s) => new vscode.CodeLens(new vscode.Range(s.line - 1, 0, s.line - 1, 0), {
      title: s.title,
      command: s.command,
      tooltip: s.tooltip,
      arguments: s.block === undefined ? [] : [uri, s.block],
    }));
  }
}
