import type { LookupKind } from './lookups';

/** What a placeholder names in Kubernetes terms: a live object kind, or a kubeconfig context. */
export type PlaceholderKind = LookupKind | 'contexts';

const WORDS: Record<string, PlaceholderKind> = {
  pod: 'pods', pods: 'pods', po: 'pods',
  deployment: 'deployments', deployments: 'deployments', deploy: 'deployments',
  service: 'services', services: 'services', svc: 'services',
  node: 'nodes', nodes: 'nodes',
  namespace: 'namespaces', namespaces: 'namespaces', ns: 'namespaces',
  configmap: 'configmaps', configmaps: 'configmaps', cm: 'configmaps',
  context: 'contexts', contexts: 'contexts', kubecontext: 'contexts', 'kube-context': 'contexts', 'kubectl-context': 'contexts',
};

/**
 * Maps `<pod-name>`, `<POD>`, `<deployment_name>`, `<target-node>`, `<svc>`… to a kind.
 * Unrelated names (`<incident-key>`, `<id>`) give undefined.
 */
export function placeholderKind(name: string): PlaceholderKind | undefined {
  const n = name.toLowerCase().replace(/_/g, '-').trim();
  if (WORDS[n]) return WORDS[n];
  const stripped = n.replace(/-?(name|id)$/, '');
  if (WORDS[stripped]) return WORDS[stripped];
  // A qualifier in front: <target-node>, <failing-pod>, <k8s-namespace>.
  const last = stripped.split('-').pop() ?? '';
  return WORDS[last];
}
