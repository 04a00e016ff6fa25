import * as vscode from 'vscode';
import { connect } from '../../core/kube/connection';
import { listContexts, resolveTarget } from '../../core/kube/contexts';
import { kubeconfigSource } from '../../core/kube/kubeconfigPaths';
import { listObjectNames } from '../../core/kube/lookups';
import { listPodChoices, type LiveChoice } from '../../core/kube/liveChoices';
import { loadKubeconfig, type MergedKubeconfig } from '../../core/kube/mergeKubeconfig';
import { placeholderKind } from '../../core/kube/placeholderKinds';
import { writeScopedKubeconfig } from '../../core/kube/scopedKubeconfig';
import { serviceProxyScope } from '../../core/kube/serviceProxy/runProxy';
import { queryInClusterPrometheus } from '../../core/kube/serviceProxy/inClusterPrometheus';
import type { RunbookBlock } from '../../core/runbook/types';
import type { KubeTarget } from '../../core/kube/types';
import { readIncident } from '../../core/incident/incidentStore';
import { pinTarget } from '../../core/incident/lifecycle';
import { appendEntry } from '../../core/incident/timeline';
import { targetFailureEntry } from '../../core/kube/timelineNotes';
import { configuredKubeconfigs, readSettings } from '../settings';
import type { IncidentService, TargetService } from '../services';
import { showError, errorText } from '../commands';

const CHOSEN_KEY = 'runbookLens.kubeTarget';

/**
 * The cluster target of this workspace: the one chosen in the pickers (kept per workspace),
 * or the kubeconfig's current context; while an incident is open, the target pinned in its
 * incident.json wins so it cannot drift.
 */
export class KubeTargetService implements TargetService, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private merged: MergedKubeconfig | undefined;
  private loadError: string | undefined;
  private pinned: { dir: string; target: KubeTarget } | undefined;

  constructor(private readonly state: vscode.Memento, private readonly incidents: IncidentService) {
    this.reload();
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** Re-reads the kubeconfig files (they are only read, never written). */
  reload(): void {
    try {
      this.merged = loadKubeconfig(kubeconfigSource({ explicit: configuredKubeconfigs() }));
      this.loadError = undefined;
    } catch (err) {
      this.merged = undefined;
      this.loadError = errorText(err);
    }
    this.changed.fire();
  }

  kubeconfig(): { merged?: MergedKubeconfig; error?: string } {
    return { merged: this.merged, error: this.loadError };
  }

  /** Fresh read for a run, so a context removed since is refused rather than guessed. */
  freshKubeconfig(): MergedKubeconfig {
    return loadKubeconfig(kubeconfigSource({ explicit: configuredKubeconfigs() }));
  }

  /** Fresh read for a command; a broken kubeconfig is reported (file and line) and gives undefined. */
  freshKubeconfigOrReport(): MergedKubeconfig | undefined {
    try {
      return this.freshKubeconfig();
    } catch (err) {
      void showError(err);
      return undefined;
    }
  }

  /** Drops the workspace's chosen target (the kubeconfig's current context applies again). */
  async forget(): Promise<void> {
    await this.state.update(CHOSEN_KEY, undefined);
    this.changed.fire();
  }

  chosen(): KubeTarget | undefined {
    return this.state.get<KubeTarget>(CHOSEN_KEY);
  }

  pinnedIncident(): string | undefined {
    return this.pinned?.dir;
  }

  current(): KubeTarget | undefined {
    if (this.pinned && this.pinned.dir === this.incidents.currentDir()) return this.pinned.target;
    const chosen = this.chosen();
    if (chosen) return chosen;
    if (!this.merged?.currentContext) return undefined;
    try {
      return resolveTarget(this.merged);
    } catch {
      return undefined;
    }
  }

  /** Sets the target; with an incident open, it becomes the incident's pinned target. */
  async choose(target: KubeTarget): Promise<void> {
    await this.state.update(CHOSEN_KEY, target);
    const dir = this.incidents.currentDir();
    if (dir) {
      // An entry (with the change in words), so every replica of a shared incident pins the same one.
      await pinTarget(dir, target, { actor: readSettings().actor });
      this.pinned = { dir, target };
    }
    this.changed.fire();
  }

  /** Reads the open incident's pinned target; pins the current one when the incident has none. */
  async syncWithIncident(): Promise<void> {
    const dir = this.incidents.currentDir();
    if (!dir) {
      this.pinned = undefined;
      this.changed.fire();
      return;
    }
    try {
      const incident = await readIncident(dir);
      if (incident.target) {
        this.pinned = { dir, target: incident.target };
      } else {
        const target = this.chosen() ?? this.current();
        if (target) {
          await pinTarget(dir, target, { actor: readSettings().actor });
          this.pinned = { dir, target };
        }
      }
    } catch {
      this.pinned = undefined;
    }
    this.changed.fire();
  }

  async scopedEnv(target: KubeTarget): Promise<{ env: NodeJS.ProcessEnv; dispose(): Promise<void> }> {
    try {
      const scoped = await writeScopedKubeconfig(this.freshKubeconfig(), target);
      return { env: scoped.env, dispose: scoped.dispose };
    } catch (err) {
      // Nothing runs; the timeline still says why (context gone, malformed kubeconfig…).
      const dir = this.incidents.currentDir();
      if (dir) await appendEntry(dir, targetFailureEntry(target, errorText(err), readSettings().actor)).catch(() => undefined);
      throw err;
    }
  }

  serviceProxy(target: KubeTarget, secrets: string[]) {
    return serviceProxyScope(this.freshKubeconfig(), target, true, secrets);
  }

  queryInCluster(block: Pick<RunbookBlock, 'attributes'>, query: string, target: KubeTarget, timeoutMs?: number, secrets?: string[]) {
    return queryInClusterPrometheus(block, query, this.freshKubeconfig(), target, timeoutMs, secrets);
  }

  async placeholderChoices(name: string, target: KubeTarget): Promise<LiveChoice[] | undefined> {
    const kind = placeholderKind(name);
    if (!kind) return undefined;
    const merged = this.freshKubeconfig();
    if (kind === 'contexts') return listContexts(merged).map((c) => ({ value: c.name }));
    try {
      const conn = await connect(merged, target);
      // Pods come with their status, restarts and age, so the failing one stands out.
      if (kind === 'pods') return await listPodChoices(conn, { timeoutMs: 3000 });
      return (await listObjectNames(conn, kind, { timeoutMs: 3000 })).map((value) => ({ value }));
    } catch (err) {
      // The user can still type a value; say why there is no list.
      void vscode.window.setStatusBarMessage(`Runbook Lens: no live ${kind} for <${name}>: ${errorText(err)}`, 8000);
      return undefined;
    }
  }
}
