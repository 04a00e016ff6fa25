import { clientNode, type KubeConfigObject } from './clientNode';
import type { MergedKubeconfig } from './mergeKubeconfig';
import { scopedKubeconfigText } from './scopedKubeconfig';
import type { KubeTarget } from './types';

/** A client-node KubeConfig holding exactly what a run on `target` would see. */
export interface KubeConnection {
  kc: KubeConfigObject;
  target: KubeTarget;
  server: string;
  /** Command of the user's exec credential plugin, if any. */
  execCommand?: string;
}

export async function connect(merged: MergedKubeconfig, target: KubeTarget): Promise<KubeConnection> {
  const k8s = await clientNode();
  const kc = new k8s.KubeConfig();
  // The same text the scoped KUBECONFIG file gets, so look-ups and runs agree.
  kc.loadFromString(scopedKubeconfigText(merged, target));
  const cluster = kc.getCurrentCluster()!;
  // kubectl talks plain HTTP to an http:// server; client-node only does when told TLS is off.
  if (cluster.server.startsWith('http:')) (cluster as { skipTLSVerify: boolean }).skipTLSVerify = true;
  const exec = kc.getCurrentUser()?.exec as { command?: string } | undefined;
  return { kc, target, server: cluster.server, execCommand: exec?.command };
}
