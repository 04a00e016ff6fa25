import * as vscode from 'vscode';
import type { ExtensionServices } from './services';
import type { RunbookCache } from './runbookCache';
import type { RunState } from './run/runState';
import { resultLabel } from './run/resultLabel';

/** ▶ Run / Run in Terminal / Copy above every shell block; ■ Stop while running; the last result after. */
export class RunbookCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly services: ExtensionServices,
    private readonly runbooks: RunbookCache,
    private readonly state: RunState,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    const blocked = this.services.guard?.blockedReason?.();
    const target = this.services.target?.current();
    for (const block of this.runbooks.get(document).blocks) {
      if (block.kind !== 'shell') continue;
      const range = new vscode.Range(block.line - 1, 0, block.line - 1, 0);
      const args = [document.uri, block.index];
      if (blocked) {
        lenses.push(new vscode.CodeLens(range, { title: blocked.title, command: blocked.command, tooltip: blocked.tooltip }));
      } else if (this.state.isRunning(document.uri, block.index)) {
        lenses.push(new vscode.CodeLens(range, { title: '■ Stop', command: 'runbookLens.stopBlock', arguments: args, tooltip: 'Stop this block and every process it started' }));
        lenses.push(new vscode.CodeLens(range, { title: '$(sync~spin) running…', command: 'runbookLens.showOutput', arguments: [] }));
      } else {
        const where = target ? ` on ${target.context}/${target.namespace}` : '';
        lenses.push(new vscode.CodeLens(range, {
          title: `▶ Run${where}`,
          command: 'runbookLens.runBlock',
          arguments: args,
          tooltip: target ? `Run block ${block.index} against context ${target.context}, namespace ${target.namespace}` : `Run block ${block.index} locally`,
        }));
      }
      if (!blocked) {
        lenses.push(new vscode.CodeLens(range, { title: 'Run in Terminal', command: 'runbookLens.runInTerminal', arguments: args }));
      }
      lenses.push(new vscode.CodeLens(range, { title: 'Copy', command: 'runbookLens.copyBlock', arguments: args }));
      const last = this.state.lastResult(document.uri, block.index);
      if (last && !this.state.isRunning(document.uri, block.index)) {
        lenses.push(new vscode.CodeLens(range, { title: resultLabel(last), command: 'runbookLens.showOutput', arguments: [], tooltip: 'Last result in this session; click for the output' }));
      }
    }
    return lenses;
  }
}
