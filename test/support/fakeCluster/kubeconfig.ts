import * as fs from 'node:fs';
import { stringify } from 'yaml';
import { fakeTls } from './tlsMaterial';
import { simulatedExtension } from '../../../src/core/kube/simulated';

export interface FakeContext {
  /** Context name; the cluster and user are named after it unless given. */
  context: string;
  server: string;
  namespace?: string;
  token?: string;
  cluster?: string;
  user?: string;
  /** Mark the cluster as simulated (shown as such in the status bar). */
  simulated?: boolean;
  /** An exec credential plugin instead of a token. */
  exec?: { command: string; args?: string[] };
}

/** Kubeconfig text for fake clusters, written the way kubectl writes one. */
export function fakeKubeconfigText(contexts: FakeContext[], currentContext?: string): string {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    // Contexts may share a cluster; each name is written once.
    clusters: contexts.filter((c, i) => contexts.findIndex((d) => (d.cluster ?? d.context) === (c.cluster ?? c.context)) === i).map((c) => ({
      name: c.cluster ?? c.context,
      cluster: {
        server: c.server,
        ...(c.server.startsWith('https:') ? { 'certificate-authority-data': Buffer.from(fakeTls.ca).toString('base64') } : {}),
        ...(c.simulated ? { extensions: [simulatedExtension] } : {}),
      },
    })),
    users: contexts.map((c) => ({
      name: c.user ?? c.context,
      user: c.exec ? { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: c.exec.command, args: c.exec.args ?? [], interactiveMode: 'Never' } } : c.token ? { token: c.token } : {},
    })),
    contexts: contexts.map((c) => ({ name: c.context, context: { cluster: c.cluster ?? c.context, user: c.user ?? c.context, ...(c.namespace ? { namespace: c.namespace } : {}) } })),
    'current-context': currentContext ?? contexts[0]?.context ?? '',
  };
  return stringify(config);
}

export function writeFakeKubeconfig(file: string, contexts: FakeContext[], currentContext?: string): string {
  fs.writeFileSync(file, fakeKubeconfigText(contexts, currentContext), { mode: 0o600 });
  return file;
}
