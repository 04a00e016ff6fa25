// @kubernetes/client-node 1.x is ESM-only; this CommonJS project loads it lazily with a
// dynamic import: the extension build ships it as dist/client-node.js, which this import loads
// (scripts/build.mjs); tsx handles it in tests.
import type * as K8s from '@kubernetes/client-node' with { 'resolution-mode': 'import' };

export type ClientNode = typeof K8s;
export type KubeConfigObject = K8s.KubeConfig;

let loaded: Promise<ClientNode> | undefined;

export function clientNode(): Promise<ClientNode> {
  loaded ??= import('@kubernetes/client-node');
  return loaded;
}
