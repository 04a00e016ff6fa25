import * as vscode from 'vscode';
import type { RunbookCache } from '../runbookCache';
import type { ExtensionServices } from '../services';
import type { QueryRuns } from './queryRuns';
import { notRunnableReason } from '../generatedDocument';

/** ▶ Query above every promql block (the shell-block lenses are the run controller's). */
export class PromqlCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly services: ExtensionServices,
    private readonly runbooks: RunbookCache,
    private readonly runs: QueryRuns,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    if (notRunnableReason(document)) return lenses;
    const blocked = this.services.guard.blockedReason?.();
    const target = this.services.target.current();
    for (const block of this.runbooks.get(document).blocks) {
      if (block.kind !== 'promql') continue;
      const range = new vscode.Range(block.line - 1, 0, block.line - 1, 0);
      const args = [document.uri, block.index];
      const { range: span, step } = block.attributes;
      const how = span ? ` (range ${span}${step ? `, step ${step}` : ''})` : '';
      if (blocked) {
        lenses.push(new vscode.CodeLens(range, { title: blocked.title, command: blocked.command, tooltip: blocked.tooltip }));
      } else if (this.runs.isRunning(document.uri, block.index)) {
        lenses.push(new vscode.CodeLens(range, { title: '$(sync~spin) querying…', command: 'runbookLens.showQueryResult', arguments: [] }));
      } else {
        lenses.push(new vscode.CodeLens(range, {
          title: `▶ Query${how}`,
          command: 'runbookLens.runQuery',
          arguments: args,
          tooltip: `Query Prometheus${target ? ` for context ${target.context}` : ''}${how ? ` as a range query${how}` : ' (instant query)'}`,
        }));
      }
      lenses.push(new vscode.CodeLens(range, { title: 'Copy', command: 'runbookLens.copyBlock', arguments: args }));
      const last = this.runs.last(document.uri, block.index);
      if (last && !this.runs.isRunning(document.uri, block.index)) {
        lenses.push(new vscode.CodeLens(range, { title: last.label, command: 'runbookLens.showQueryResult', arguments: [], tooltip: last.tooltip }));
      }
    }
    return lenses;
  }
}
