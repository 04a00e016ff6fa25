import type { NamedEntry } from './kubeconfigFile';

/** Name of the cluster extension that marks a simulated API server (the local demo cluster). */
export const SIMULATED_EXTENSION = 'runbook-lens/simulated';

/** The kubeconfig `extensions` entry the demo writes on its clusters; kubectl ignores it. */
export const simulatedExtension = { name: SIMULATED_EXTENSION, extension: { simulated: true, description: 'Simulated Kubernetes API started by Runbook Lens (a stand-in, not a real cluster)' } };

export function isSimulatedCluster(cluster: NamedEntry | undefined): boolean {
  const ext = cluster?.body.extensions;
  return Array.isArray(ext) && ext.some((e) => (e as { name?: unknown } | null)?.name === SIMULATED_EXTENSION);
}
