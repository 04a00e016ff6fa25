import * as vscode from 'vscode';
import { sweepStaleScopedKubeconfigs } from '../../core/kube/staleScoped';
import { parseRunbook } from '../../core/runbook/parse';
import type { RunController } from '../run/runController';
import type { ExtensionServices } from '../services';
import { runOnContexts } from './runOnContexts';
import { createTargetStatusBar } from './statusBar';
import { checkClusterCommand, selectClusterTarget } from './targetCommands';
import { KubeTargetService } from './targetService';

/**
 * Cluster targeting in the editor: fills `services.target`, shows the target in the status bar,
 * and registers Select Cluster Target, Check Cluster and Run on several contexts….
 */
export function registerKube(ctx: vscode.ExtensionContext, services: ExtensionServices, runs?: RunController): KubeTargetService {
  // Scoped kubeconfigs left behind by a killed extension host are removed at start.
  sweepStaleScopedKubeconfigs();
  const service = new KubeTargetService(ctx.workspaceState, services.incidents);
  services.target = service;
  const status = createTargetStatusBar(service, () => services.incidents.currentDir());
  void service.syncWithIncident();
  ctx.subscriptions.push(
    service,
    status,
    service.onDidChange(() => services.refreshLenses()),
    services.incidents.onDidChange(() => void service.syncWithIncident()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('runbookLens.kubeconfig')) service.reload();
    }),
    vscode.commands.registerCommand('runbookLens.selectClusterTarget', () => selectClusterTarget(service, services)),
    vscode.commands.registerCommand('runbookLens.checkCluster', () => checkClusterCommand(service, services)),
    vscode.commands.registerCommand('runbookLens.runOnContexts', (uri?: vscode.Uri, index?: number) => {
      if (!runs) return undefined;
      const editor = vscode.window.activeTextEditor;
      const u = uri ?? editor?.document.uri;
      const i = index ?? (editor ? blockIndexAtCursor(editor) : undefined);
      if (!u || !i) {
        void vscode.window.showInformationMessage('Runbook Lens: put the cursor in a shell block, or use the lens above it.');
        return undefined;
      }
      return runOnContexts(service, services, runs, u, i);
    }),
  );
  return service;

  function blockIndexAtCursor(editor: vscode.TextEditor): number | undefined {
    const line = editor.selection.active.line + 1;
    return parseRunbook(editor.document.getText()).blocks.find((b) => b.kind === 'shell' && b.line <= line && line <= b.endLine)?.index;
  }
}
