/** Safety in the editor: per-block safety lenses and the Explain Block command (the guard itself is safety/guard.ts). */
import * as vscode from 'vscode';
import { registerBlockCommand } from '../commands';
import type { ExtensionServices } from '../services';
import { EXPLAIN_SCHEME, ExplainDocuments, explainBlockCommand } from './explainView';
import { SafetyLensProvider } from './safetyLens';

export function registerSafety(services: ExtensionServices): vscode.Disposable[] {
  const docs = new ExplainDocuments();
  const lenses = new SafetyLensProvider(services.runbooks);
  return [
    docs,
    lenses,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, docs),
    vscode.languages.registerCodeLensProvider([{ language: 'markdown' }], lenses),
    registerBlockCommand(services.runbooks, 'runbookLens.explainBlock', { missing: 'open a runbook and put the cursor in a shell block to explain it.' }, (at) => explainBlockCommand(docs, services, at)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => services.refreshLenses()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('runbookLens.safety')) lenses.refresh();
    }),
  ];
}
