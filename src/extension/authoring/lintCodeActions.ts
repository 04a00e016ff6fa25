import * as vscode from 'vscode';
import { LINT_SOURCE, toRange, type LintDiagnostics } from './lintDiagnostics';

/** Quick fixes for Runbook Lens diagnostics: each applies the edits the lint rule proposed. */
export class LintCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: LintDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    // Our own published diagnostics under the range, not only those the context lists: the
    // context can be narrower (a range from a command, a cursor at the end of a range).
    const published = (this.diagnostics.collection.get(document.uri) ?? []).filter((d) => d.range.intersection(range) !== undefined);
    const seen = new Set<string>();
    for (const d of [...context.diagnostics, ...published]) {
      const key = `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (d.source !== LINT_SOURCE || typeof d.code !== 'string') continue;
      const fix = this.diagnostics.fixFor(document.uri, d.code, d.range.start);
      if (!fix) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const e of fix.edits) action.edit.replace(document.uri, toRange(e), e.newText);
      action.diagnostics = [d];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
