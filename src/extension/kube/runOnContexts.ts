import { describeBlock } from '../../core/runbook/blockLabel';
import * as vscode from 'vscode';
import { resolveTarget } from '../../core/kube/contexts';
import type { Confirmation, TimelineEntry } from '../../core/incident/types';
import type { KubeTarget } from '../../core/kube/types';
import type { RunController } from '../run/runController';
import type { ExtensionServices } from '../services';
import { workspaceTrusted } from '../run/editorDriver';
import { pickContexts } from './pickers';
import type { KubeTargetService } from './targetService';
import { showError } from '../commands';

/**
 * Run on several contexts…: one block on each picked context in parallel, in the current
 * namespace, each a run of the one pipeline on that target (the incident's pin stays).
 * Placeholders are asked once and each target is confirmed before anything starts; every run
 * has its own output file and timeline entry.
 */
export async function runOnContexts(service: KubeTargetService, services: ExtensionServices, runs: RunController, uri: vscode.Uri, index: number): Promise<(TimelineEntry | undefined)[] | undefined> {
  if (!(await workspaceTrusted())) return undefined;
  const found = await runs.blockAt(uri, index);
  if (!found || found.block.kind !== 'shell') return undefined;
  const merged = service.freshKubeconfigOrReport();
  if (!merged) return undefined;
  const current = service.current();
  const namespace = current?.namespace;
  const picked = await pickContexts(merged, current, `Runbook Lens: run ${describeBlock(found.block)} on several contexts${namespace ? ` (namespace ${namespace})` : ''}`);
  if (!picked || picked.length === 0) return undefined;
  const targets: KubeTarget[] = [];
  for (const c of picked) {
    try {
      targets.push(resolveTarget(merged, c.name, namespace ?? c.effectiveNamespace));
    } catch (err) {
      void showError(err);
      return undefined;
    }
  }
  const incidentDir = await services.incidents.ensure();
  if (!incidentDir) return undefined;
  // Every target is prepared and confirmed first (destructive commands name each context); the
  // placeholders are asked once, for the first; then the runs start together.
  const confirmed: { target: KubeTarget; confirmation: Confirmation }[] = [];
  let vars: Record<string, string> | undefined;
  for (const target of targets) {
    const consent = await runs.consentFor(found.document, found.block, incidentDir, { target, vars });
    if (!consent) return undefined;
    vars = consent.values;
    confirmed.push({ target, confirmation: consent.confirmation });
  }
  runs.showOutput();
  return Promise.all(confirmed.map(({ target, confirmation }) => runs.run(uri, index, { target, vars, confirmed: confirmation })));
}
