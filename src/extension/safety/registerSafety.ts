/**
 * Safety in the editor: fills the `guard` service (confirmation dialogs, Workspace Trust),
 * adds per-block safety lenses and the Explain Block command.
 */
import * as vscode from 'vscode';
import type { ExtensionServices, GuardService } from '../services';
import { confirmRun } from './confirmRun';
import { EXPLAIN_SCHEME, ExplainDocuments, explainBlockCommand } from './explainView';
import { SafetyLensProvider } from './safetyLens';

export function registerSafety(context: vscode.ExtensionContext, services: ExtensionServices): GuardService {
  const guard: GuardService = {
    confirmRun: (block, code, target) => confirmRun(block, code, target, vscode.window.activeTextEditor?.document.uri),
    blockedReason: () => (vscode.workspace.isTrusted
      ? undefined
      : { title: '⚠ Runs disabled: workspace not trusted', command: 'workbench.trust.manage', tooltip: 'A runbook is text someone else wrote: nothing runs until you trust this workspace. Click to manage Workspace Trust.' }),
  };
  services.guard = guard;
  const docs = new ExplainDocuments();
  const lenses = new SafetyLensProvider();
  context.subscriptions.push(
    docs,
    lenses,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, docs),
    vscode.languages.registerCodeLensProvider([{ language: 'markdown' }], lenses),
    vscode.commands.registerCommand('runbookLens.explainBlock', (uri?: vscode.Uri, index?: number) => explainBlockCommand(docs, services, uri, index)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => services.refreshLenses()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('runbookLens.safety')) lenses.refresh();
    }),
  );
  return guard;
}
