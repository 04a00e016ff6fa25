import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { resolveTarget } from './contexts';
import type { MergedKubeconfig } from './mergeKubeconfig';
import type { KubeTarget } from './types';

/** Prefix of the private directories holding scoped kubeconfigs: `<prefix><pid>-<random>`. */
export const SCOPED_DIR_PREFIX = 'runbook-lens-kube-';

export interface ScopedKubeconfig {
  path: string;
  /** Variables that pin kubectl, oc, helm… to the target. */
  env: Record<string, string>;
  /** Removes the file and its directory; safe to call twice. */
  dispose(): Promise<void>;
}

/**
 * The kubeconfig text for one target: only its context, cluster and user (entries copied as
 * written, exec plugins included, relative paths already made absolute), with the chosen
 * namespace and current-context set.
 */
export function scopedKubeconfigText(merged: MergedKubeconfig, target: KubeTarget): string {
  const checked = resolveTarget(merged, target.context, target.namespace);
  const ctx = merged.contexts.get(checked.context)!;
  const cluster = merged.clusters.get(checked.cluster)!;
  const userName = typeof ctx.body.user === 'string' ? ctx.body.user : '';
  const user = userName ? merged.users.get(userName) : undefined;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: cluster.name, cluster: cluster.body }],
    users: user ? [{ name: user.name, user: user.body }] : [],
    contexts: [{ name: ctx.name, context: { ...ctx.body, namespace: checked.namespace } }],
    'current-context': ctx.name,
  };
  return `# Written by Runbook Lens for one run against ${ctx.name}/${checked.namespace}; removed when the run ends.\n${stringify(config)}`;
}

/**
 * Writes the scoped kubeconfig in a private directory (0700, file 0600) and returns the
 * environment for the run. The directory name carries our pid so a later start can remove
 * files left behind by a process that was killed (see sweepStaleScopedKubeconfigs).
 */
export async function writeScopedKubeconfig(merged: MergedKubeconfig, target: KubeTarget, options: { tmpRoot?: string } = {}): Promise<ScopedKubeconfig> {
  const text = scopedKubeconfigText(merged, target);
  const dir = await fs.promises.mkdtemp(path.join(options.tmpRoot ?? os.tmpdir(), `${SCOPED_DIR_PREFIX}${process.pid}-`));
  await fs.promises.chmod(dir, 0o700);
  const file = path.join(dir, 'kubeconfig');
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    liveDirs.delete(dir);
    await fs.promises.rm(dir, { recursive: true, force: true });
  };
  trackUntilExit(dir);
  try {
    await fs.promises.writeFile(file, text, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    await dispose();
    throw err;
  }
  return {
    path: file,
    env: { KUBECONFIG: file, HELM_KUBECONTEXT: target.context, HELM_NAMESPACE: target.namespace },
    dispose,
  };
}

const liveDirs = new Set<string>();
let exitHookInstalled = false;

/** A synchronous last chance when the process exits while runs are under way. */
function trackUntilExit(dir: string): void {
  liveDirs.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const d of liveDirs) fs.rmSync(d, { recursive: true, force: true });
  });
}
