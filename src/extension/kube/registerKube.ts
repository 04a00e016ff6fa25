import * as vscode from 'vscode';
import { sweepStaleScopedKubeconfigs } from '../../core/kube/staleScoped';
import { registerBlockCommand, registerCommand } from '../commands';
import type { RunController } from '../run/runController';
import type { ExtensionServices } from '../services';
import { runOnContexts } from './runOnContexts';
import { createTargetStatusBar } from './statusBar';
import { checkClusterCommand, selectClusterTarget } from './targetCommands';
import type { KubeTargetService } from './targetService';

/**
 * Cluster targeting in the editor: the target in the status bar, kept in step with the open
 * incident, and Select Cluster Target, Check Cluster and Run on Several Contexts….
 */
export function registerKube(services: ExtensionServices, target: KubeTargetService, runs: RunController): vscode.Disposable[] {
  // Scoped kubeconfigs left behind by a killed extension host are removed at start.
  sweepStaleScopedKubeconfigs();
  void target.syncWithIncident();
  return [
    createTargetStatusBar(target, () => services.incidents.currentDir()),
    target.onDidChange(() => services.refreshLenses()),
    services.incidents.onDidChange(() => void target.syncWithIncident()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('runbookLens.kubeconfig')) target.reload();
    }),
    registerCommand('runbookLens.selectClusterTarget', () => selectClusterTarget(target, services)),
    registerCommand('runbookLens.checkCluster', () => checkClusterCommand(target, services)),
    registerBlockCommand(services.runbooks, 'runbookLens.runOnContexts', { kind: 'shell', missing: 'put the cursor in a shell block, or use the lens above it.' }, (at) =>
      runOnContexts(target, services, runs, at.uri, at.index)),
  ];
}
