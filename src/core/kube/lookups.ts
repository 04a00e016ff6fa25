import { apiCall, type ApiCallOptions } from './apiCall';
import { clientNode } from './clientNode';
import type { KubeConnection } from './connection';

export type LookupKind = 'namespaces' | 'pods' | 'deployments' | 'services' | 'nodes' | 'configmaps';

/** Names of live objects of `kind` (namespaced kinds in the target's namespace), sorted. */
export async function listObjectNames(conn: KubeConnection, kind: LookupKind, options: ApiCallOptions = {}): Promise<string[]> {
  const k8s = await clientNode();
  const ns = conn.target.namespace;
  const core = conn.kc.makeApiClient(k8s.CoreV1Api);
  const what = kind === 'namespaces' || kind === 'nodes' ? `listing ${kind}` : `listing ${kind} in namespace ${ns}`;
  type NamedList = { items: Array<{ metadata?: { name?: string } }> };
  const list = await apiCall<NamedList>(conn, what, (o): Promise<NamedList> => {
    switch (kind) {
      case 'namespaces': return core.listNamespace({}, o as never);
      case 'nodes': return core.listNode({}, o as never);
      case 'pods': return core.listNamespacedPod({ namespace: ns }, o as never);
      case 'services': return core.listNamespacedService({ namespace: ns }, o as never);
      case 'configmaps': return core.listNamespacedConfigMap({ namespace: ns }, o as never);
      case 'deployments': return conn.kc.makeApiClient(k8s.AppsV1Api).listNamespacedDeployment({ namespace: ns }, o as never);
    }
  }, options);
  return list.items.map((i) => i.metadata?.name ?? '').filter((n) => n !== '').sort();
}
