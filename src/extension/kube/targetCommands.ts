import * as vscode from 'vscode';
import { checkCluster, formatClusterCheck } from '../../core/kube/checkCluster';
import { connect } from '../../core/kube/connection';
import { resolveTarget } from '../../core/kube/contexts';
import { clusterCheckEntry } from '../../core/kube/timelineNotes';
import { appendEntry } from '../../core/incident/timeline';
import type { KubeTarget } from '../../core/kube/types';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import { pickContext, pickNamespace } from './pickers';
import type { KubeTargetService } from './targetService';
import { errorText, showError } from '../commands';

const same = (a: KubeTarget | undefined, b: KubeTarget) => !!a && a.context === b.context && a.namespace === b.namespace && a.cluster === b.cluster;

/** Select Cluster Target: context picker, then namespace picker; pins to the open incident. */
export async function selectClusterTarget(service: KubeTargetService, services: ExtensionServices): Promise<KubeTarget | undefined> {
  service.reload();
  const merged = service.freshKubeconfigOrReport();
  if (!merged) return undefined;
  const before = service.current();
  const context = await pickContext(merged, before);
  if (!context) return undefined;
  const namespace = await pickNamespace(merged, context);
  if (!namespace) return undefined;
  let target: KubeTarget;
  try {
    target = resolveTarget(merged, context.name, namespace);
  } catch (err) {
    void showError(err);
    return undefined;
  }
  if (same(before, target)) return target;
  const dir = services.incidents.currentDir();
  if (dir && service.pinnedIncident() === dir && before) {
    const ok = await vscode.window.showWarningMessage(
      `Change the cluster target of the open incident from ${before.context}/${before.namespace} to ${target.context}/${target.namespace}?`,
      { modal: true, detail: 'The target is pinned in incident.json; the change is recorded in the timeline and every later run goes to the new target.' },
      'Change Target',
    );
    if (ok !== 'Change Target') return undefined;
  }
  // With an incident open, choose() records the change in its timeline.
  await service.choose(target);
  services.refreshLenses();
  return target;
}

/** Check Cluster: version, /readyz and round trip of the current target, recorded in the timeline. */
export async function checkClusterCommand(service: KubeTargetService, services: ExtensionServices): Promise<void> {
  const target = service.current();
  if (!target) {
    void vscode.window.showWarningMessage('Runbook Lens: no cluster target. Select one first.', 'Select Cluster Target').then((p) => {
      if (p) void vscode.commands.executeCommand('runbookLens.selectClusterTarget');
    });
    return;
  }
  const check = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Runbook Lens: checking ${target.context}…` }, async () => {
    try {
      return await checkCluster(await connect(service.freshKubeconfig(), target));
    } catch (err) {
      // Kubeconfig problems (context gone, malformed file) are results too.
      return { target, server: '', ok: false, error: errorText(err), checkedAt: new Date().toISOString() };
    }
  });
  const text = formatClusterCheck(check);
  const dir = services.incidents.currentDir();
  let recorded = '';
  if (dir) {
    try {
      await appendEntry(dir, clusterCheckEntry(check, readSettings().actor));
      recorded = ' (recorded in the timeline)';
    } catch (err) {
      recorded = ` (not recorded: ${errorText(err)})`;
    }
  }
  if (check.ok) void vscode.window.showInformationMessage(`Runbook Lens: ${text}${recorded}`);
  else void showError(`${text}${recorded}`);
}
