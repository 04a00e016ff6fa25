import * as vscode from 'vscode';
import { registerCommand } from '../commands';
import type { RunDeps } from '../extension';
import { openExampleRunbook } from './exampleRunbook';
import { LintCodeActions } from './lintCodeActions';
import { LintDiagnostics } from './lintDiagnostics';
import { OutlineProvider, revealLine, type OutlineNode } from './outlineTree';
import { runAll, type RunAllArgs } from './runAllCommand';

export interface AuthoringApi {
  diagnostics: LintDiagnostics;
  outline: OutlineProvider;
}

/**
 * Authoring help: lint diagnostics with quick fixes, the Runbook Outline view with each block's
 * state, and Run All / Run Section.
 */
export function registerAuthoring(api: RunDeps): { api: AuthoringApi; disposables: vscode.Disposable[] } {
  const { context } = api.services;
  const diagnostics = new LintDiagnostics(api.runbooks);
  const outline = new OutlineProvider(api);
  const view = vscode.window.createTreeView('runbookLens.outline', { treeDataProvider: outline, showCollapseAll: true });
  const disposables = [
    diagnostics,
    outline,
    view,
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new LintCodeActions(diagnostics), { providedCodeActionKinds: LintCodeActions.kinds }),
    registerCommand('runbookLens.openExampleRunbook', () => openExampleRunbook(context)),
    // Tree items pass themselves to inline actions; runBlock takes (uri, index).
    registerCommand('runbookLens.runOutlineBlock', (node?: OutlineNode) =>
      node?.kind === 'block' ? vscode.commands.executeCommand('runbookLens.runBlock', node.uri, node.block.index) : undefined),
    registerCommand('runbookLens.revealLine', (uri: vscode.Uri, line: number) => revealLine(uri, line)),
    registerCommand('runbookLens.runAll', (uri?: vscode.Uri, args?: RunAllArgs) => {
      const target = uri instanceof vscode.Uri ? uri : runbookUri(outline);
      return target ? runAll(api, target, undefined, args) : undefined;
    }),
    registerCommand('runbookLens.runSection', (where?: OutlineNode | vscode.Uri, headingLine?: number, args?: RunAllArgs) => {
      if (where instanceof vscode.Uri && headingLine) return runAll(api, where, headingLine, args);
      if (where && !(where instanceof vscode.Uri) && where.kind === 'section') return runAll(api, where.uri, where.section.heading.line);
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') return noRunbook();
      const cursor = editor.selection.active.line + 1;
      const heading = [...api.runbooks.get(editor.document).headings].reverse().find((h) => h.line <= cursor);
      if (!heading) {
        void vscode.window.showInformationMessage('Runbook Lens: the cursor is not under a heading; use Run All.');
        return undefined;
      }
      return runAll(api, editor.document.uri, heading.line);
    }),
  ];
  return { api: { diagnostics, outline }, disposables };
}

function runbookUri(outline: OutlineProvider): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  const uri = editor?.document.languageId === 'markdown' ? editor.document.uri : outline.uri;
  if (!uri) noRunbook();
  return uri;
}

function noRunbook(): undefined {
  void vscode.window.showInformationMessage('Runbook Lens: open a runbook first.');
  return undefined;
}
