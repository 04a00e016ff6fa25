import * as vscode from 'vscode';
import { connect } from '../../core/kube/connection';
import { listContexts, resolveTarget, type ContextInfo } from '../../core/kube/contexts';
import { listObjectNames } from '../../core/kube/lookups';
import type { MergedKubeconfig } from '../../core/kube/mergeKubeconfig';
import type { KubeTarget } from '../../core/kube/types';
import { errorText, showError } from '../commands';
import { createPick, showPick } from '../prompts';

interface ContextItem extends vscode.QuickPickItem {
  context: ContextInfo;
}

function contextItems(merged: MergedKubeconfig, current: KubeTarget | undefined): ContextItem[] {
  return listContexts(merged).map((c) => ({
    label: `${c.name === current?.context ? '$(check) ' : ''}${c.name}`,
    description: `${c.cluster} · ${c.effectiveNamespace}${c.current ? ' · kubeconfig current' : ''}${c.simulated ? ' · SIMULATED' : ''}`,
    detail: `${c.server ?? '(cluster not defined)'} — ${c.file}`,
    context: c,
  }));
}

export async function pickContext(merged: MergedKubeconfig, current: KubeTarget | undefined): Promise<ContextInfo | undefined> {
  const items = contextItems(merged, current);
  if (items.length === 0) {
    void showError(`no Kubernetes context is defined in ${merged.files.join(', ') || 'any kubeconfig file'}. Set runbookLens.kubeconfig or KUBECONFIG.`);
    return undefined;
  }
  const pick = await showPick(items, { title: 'Runbook Lens: cluster target (1/2) — context', placeHolder: 'Kubernetes context', matchOnDescription: true, matchOnDetail: true });
  return pick?.context;
}

export async function pickContexts(merged: MergedKubeconfig, current: KubeTarget | undefined, title: string): Promise<ContextInfo[] | undefined> {
  const items = contextItems(merged, current);
  const picks = await showPick(items, { title, canPickMany: true, placeHolder: 'Contexts to run on, in parallel', matchOnDescription: true });
  return picks?.map((p) => p.context);
}

/**
 * Namespace picker: live namespaces of the context, and whatever the user types (listing
 * namespaces is often forbidden; then the reason is shown and typing still works).
 */
export async function pickNamespace(merged: MergedKubeconfig, context: ContextInfo): Promise<string | undefined> {
  const qp = createPick();
  qp.title = `Runbook Lens: cluster target (2/2) — namespace in ${context.name}`;
  qp.placeholder = 'Loading namespaces… or type one';
  qp.busy = true;
  let live: string[] = [];
  const typedLabel = (v: string) => `$(edit) Use namespace "${v}"`;
  const render = () => {
    const typed = qp.value.trim();
    const items: vscode.QuickPickItem[] = live.map((n) => ({ label: n, description: n === context.effectiveNamespace ? 'context default' : undefined }));
    if (typed && !live.includes(typed)) items.unshift({ label: typedLabel(typed), alwaysShow: true });
    qp.items = items;
  };
  qp.onDidChangeValue(render);
  qp.show();
  void (async () => {
    try {
      const conn = await connect(merged, resolveTarget(merged, context.name));
      live = await listObjectNames(conn, 'namespaces');
      qp.placeholder = 'Pick a namespace or type one';
    } catch (err) {
      live = [context.effectiveNamespace];
      qp.placeholder = `Cannot list namespaces (${errorText(err)}). Type a namespace.`;
    }
    qp.busy = false;
    render();
    const preselect = qp.items.find((i) => i.label === context.effectiveNamespace);
    if (preselect) qp.activeItems = [preselect];
  })();
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      const typed = qp.value.trim();
      const value = item ? (item.label.startsWith('$(edit)') ? typed : item.label) : typed;
      if (!value) return;
      resolve(value);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
  });
}
