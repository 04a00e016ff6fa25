import * as fs from 'node:fs';
import { clientNode, type KubeConfigObject } from './clientNode';
import { KubeError } from './kubeError';
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
  const user = kc.getCurrentUser();
  const exec = user?.exec as { command?: string } | undefined;
  if (user && !user.token) {
    const tokenFile = tokenFileOf(merged, target);
    // client-node reads only a `token-file` key, which kubeconfig does not have; kubectl reads `tokenFile`.
    if (tokenFile) (user as { token?: string }).token = readTokenFile(tokenFile, target);
  }
  return { kc, target, server: cluster.server, execCommand: exec?.command };
}

function tokenFileOf(merged: MergedKubeconfig, target: KubeTarget): string | undefined {
  const userName = merged.contexts.get(target.context)?.body.user;
  const file = typeof userName === 'string' ? merged.users.get(userName)?.body.tokenFile : undefined;
  return typeof file === 'string' && file !== '' ? file : undefined;
}

/** Like kubectl: the file's content without surrounding white space. */
function readTokenFile(file: string, target: KubeTarget): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new KubeError('api', `Cannot read the tokenFile ${file} of context ${target.context}: ${code === 'ENOENT' ? 'no such file' : code ?? String(err)}`);
  }
}
