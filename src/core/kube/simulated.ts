import type { NamedEntry } from './kubeconfigFile';

/** Name of the cluster extension that marks a simulated API server (the local demo cluster). */
export const SIMULATED_EXTENSION = 'runbook-lens/simulated';

/** The kubeconfig `extensions` entry the demo writes on its clusters; kubectl ignores it. */
export const simulatedExtension = { name: SIMULATED_EXTENSION, extension: { simulated: true, description: 'Simulated Kubernetes API started by Runbook Lens (a stand-in, not a real cluster)' } };

export function isSimulatedCluster(cluster: NamedEntry | undefined): boolean {
  const ext = cluster?.body.extensions;
  return Array.isArray(ext) && ext.some((e) => (e as { name?: unknown } | null)?.name === SIMULATED_EXTENSION);
}

/**
 * What a simulated target's tooltip says: exactly which part is simulated (the Kubernetes API
 * of the simulated contexts) and that every other program a block runs is real, on this host.
 */
export function simulatedClusterNote(simulatedContexts: string[]): string {
  const names = simulatedContexts.map((c) => `\`${c}\``).join(' and ');
  return [
    `**Simulated cluster.** Only the Kubernetes API of ${names} is simulated: a Runbook Lens demo server on 127.0.0.1 answers kubectl, oc and helm; changes stay in its memory. No containers run: \`kubectl exec\` answers only a few read-only commands (\`nc -z\`, \`env\`, \`printenv\`, \`hostname\`, \`echo\`, \`true\`) and refuses the rest.`,
    `**Not simulated:** everything else a block runs (\`curl\`, \`rm\`, \`photon-admin\`, any other program) runs on this machine for real, with your files, network and credentials.`,
  ].join('\n\n');
}
