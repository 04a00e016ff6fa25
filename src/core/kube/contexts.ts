import { KubeError } from './kubeError';
import type { MergedKubeconfig } from './mergeKubeconfig';
import type { KubeTarget } from './types';
import { isSimulatedCluster } from './simulated';

export interface ContextInfo {
  name: string;
  cluster: string;
  user: string;
  /** The namespace the file sets for this context; empty when it sets none (kubectl shows it blank). */
  namespace: string;
  /** The namespace commands use: the context's own, else `default`. */
  effectiveNamespace: string;
  /** API server URL, or undefined when the cluster is not defined anywhere. */
  server?: string;
  current: boolean;
  /** The cluster is a simulated API server (the local demo), not a real cluster. */
  simulated: boolean;
  /** The file that defines this context. */
  file: string;
}

export function listContexts(merged: MergedKubeconfig): ContextInfo[] {
  return [...merged.contexts.values()].map((c) => {
    const cluster = str(c.body.cluster);
    const server = merged.clusters.get(cluster)?.body.server;
    return {
      name: c.name,
      cluster,
      user: str(c.body.user),
      namespace: str(c.body.namespace),
      effectiveNamespace: str(c.body.namespace) || 'default',
      server: typeof server === 'string' ? server : undefined,
      current: c.name === merged.currentContext,
      simulated: isSimulatedCluster(merged.clusters.get(cluster)),
      file: c.file,
    };
  });
}

/**
 * The target for `context` (default: the current context) and `namespace` (default: the
 * context's namespace). Fails with clear words when the context is gone or incomplete.
 */
export function resolveTarget(merged: MergedKubeconfig, context?: string, namespace?: string): KubeTarget {
  const name = context || merged.currentContext;
  const where = merged.files.length > 0 ? merged.files.join(', ') : 'no kubeconfig file found';
  if (!name) {
    throw new KubeError('no-contexts', merged.contexts.size === 0
      ? `No Kubernetes context is defined (${where}).`
      : `No context chosen and the kubeconfig has no current-context (${where}); pick one of: ${[...merged.contexts.keys()].join(', ')}.`);
  }
  const ctx = merged.contexts.get(name);
  if (!ctx) {
    const known = [...merged.contexts.keys()];
    throw new KubeError('unknown-context', `Context "${name}" no longer exists in the kubeconfig (${where}). ${known.length > 0 ? `Known contexts: ${known.join(', ')}.` : 'No contexts are defined.'}`);
  }
  const cluster = str(ctx.body.cluster);
  if (!cluster || !merged.clusters.has(cluster)) {
    throw new KubeError('incomplete-context', `Context "${name}" (${ctx.file}:${ctx.line}) refers to cluster "${cluster}", which no kubeconfig file defines.`);
  }
  if (typeof merged.clusters.get(cluster)!.body.server !== 'string') {
    const c = merged.clusters.get(cluster)!;
    throw new KubeError('incomplete-context', `Cluster "${cluster}" (${c.file}:${c.line}) has no server URL.`);
  }
  const user = str(ctx.body.user);
  if (user && !merged.users.has(user)) {
    throw new KubeError('incomplete-context', `Context "${name}" (${ctx.file}:${ctx.line}) refers to user "${user}", which no kubeconfig file defines.`);
  }
  return { context: name, cluster, namespace: namespace || str(ctx.body.namespace) || 'default' };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
