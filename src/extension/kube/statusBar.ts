import * as vscode from 'vscode';
import { listContexts } from '../../core/kube/contexts';
import { simulatedClusterNote } from '../../core/kube/simulated';
import type { KubeTargetService } from './targetService';

/** `context · namespace` in the status bar; click → pickers. Says plainly when the cluster is simulated. */
export function createTargetStatusBar(service: KubeTargetService, incidentDir: () => string | undefined): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('runbookLens.clusterTarget', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Runbook Lens: cluster target';
  item.command = 'runbookLens.selectClusterTarget';
  const update = () => {
    const { merged, error } = service.kubeconfig();
    const target = service.current();
    const tip = new vscode.MarkdownString(undefined, true);
    if (!target) {
      item.text = '$(server-environment) no cluster';
      tip.appendMarkdown(error ? `**Kubeconfig problem:** ${error}\n\n` : 'No Kubernetes context selected. Blocks run with your own environment.\n\n');
      item.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    } else {
      const info = merged ? listContexts(merged).find((c) => c.name === target.context) : undefined;
      const pinned = service.pinnedIncident() && service.pinnedIncident() === incidentDir();
      item.text = `${pinned ? '$(lock)' : '$(server-environment)'} ${target.context} · ${target.namespace}${info?.simulated ? ' (simulated)' : ''}`;
      tip.appendMarkdown(`**Cluster target** — every block runs with a scoped KUBECONFIG for this context and namespace.\n\n`);
      tip.appendMarkdown(`- context: \`${target.context}\`\n- cluster: \`${target.cluster}\`\n- namespace: \`${target.namespace}\`\n`);
      if (info?.server) tip.appendMarkdown(`- server: \`${info.server}\`\n`);
      if (info?.simulated) tip.appendMarkdown(`\n${simulatedClusterNote(listContexts(merged!).filter((c) => c.simulated).map((c) => c.name))}\n`);
      if (!info) tip.appendMarkdown(`\n**Context \`${target.context}\` no longer exists in the kubeconfig.** Runs will be refused until you pick another.\n`);
      if (pinned) tip.appendMarkdown(`\nPinned to the open incident (incident.json).\n`);
      item.backgroundColor = !info ? new vscode.ThemeColor('statusBarItem.errorBackground') : /prod/i.test(target.context) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    if (merged) tip.appendMarkdown(`\nKubeconfig: ${merged.files.map((f) => `\`${f}\``).join(', ') || 'none found'}\n\nClick to change.`);
    item.tooltip = tip;
    item.show();
  };
  service.onDidChange(update);
  update();
  return item;
}
