import { resolveTarget } from './contexts';
import { kubeconfigSource } from './kubeconfigPaths';
import { loadKubeconfig, type MergedKubeconfig } from './mergeKubeconfig';
import type { KubeTarget } from './types';

export interface TargetRequest {
  /** Explicit kubeconfig files (flag or setting); otherwise KUBECONFIG, then ~/.kube/config. */
  kubeconfig?: string[];
  /** Default: the merged current-context. */
  context?: string;
  /** Default: the context's namespace, else `default`. */
  namespace?: string;
  env?: NodeJS.ProcessEnv;
}

/** Reads the kubeconfig files and resolves the target; KubeError with clear words otherwise. */
export function loadTarget(req: TargetRequest): { merged: MergedKubeconfig; target: KubeTarget } {
  const merged = loadKubeconfig(kubeconfigSource({ explicit: req.kubeconfig, env: req.env }));
  return { merged, target: resolveTarget(merged, req.context, req.namespace) };
}
