import { apiCall, type ApiCallOptions } from './apiCall';
import type { KubeConnection } from './connection';
import { listNames } from './namesRequest';

export type LookupKind = 'namespaces' | 'pods' | 'deployments' | 'services' | 'nodes' | 'configmaps';

function listPath(kind: LookupKind, ns: string): string {
  const namespace = encodeURIComponent(ns);
  switch (kind) {
    case 'namespaces': return '/api/v1/namespaces';
    case 'nodes': return '/api/v1/nodes';
    case 'deployments': return `/apis/apps/v1/namespaces/${namespace}/deployments`;
    default: return `/api/v1/namespaces/${namespace}/${kind}`;
  }
}

/** Names of live objects of `kind` (namespaced kinds in the target's namespace), sorted. */
export async function listObjectNames(conn: KubeConnection, kind: LookupKind, options: ApiCallOptions = {}): Promise<string[]> {
  const ns = conn.target.namespace;
  const what = kind === 'namespaces' || kind === 'nodes' ? `listing ${kind}` : `listing ${kind} in namespace ${ns}`;
  const names = await apiCall(conn, what, (_o, signal) => listNames(conn, listPath(kind, ns), signal), options);
  return names.sort();
}
