import { apiCall, type ApiCallOptions } from './apiCall';
import { clientNode } from './clientNode';
import type { KubeConnection } from './connection';
import { isKubeError, type KubeErrorCode } from './kubeError';
import type { KubeTarget } from './types';

/** The result of Check Cluster, as recorded in the timeline. */
export interface ClusterCheck {
  target: KubeTarget;
  server: string;
  ok: boolean;
  /** API server gitVersion, e.g. v1.31.2. */
  version?: string;
  platform?: string;
  /** `/readyz` answered 200. */
  ready?: boolean;
  /** Round trip of the version request, in milliseconds. */
  rttMs?: number;
  error?: string;
  errorCode?: KubeErrorCode;
  checkedAt: string;
}

export async function checkCluster(conn: KubeConnection, options: ApiCallOptions = {}): Promise<ClusterCheck> {
  const k8s = await clientNode();
  const base = { target: conn.target, server: conn.server, checkedAt: new Date().toISOString() };
  try {
    const versionApi = conn.kc.makeApiClient(k8s.VersionApi);
    // Credentials first (inside apiCall), so the round trip measures the network and server only.
    await apiCall(conn, 'reading the server version', (o) => versionApi.getCode({}, o as never), options);
    const started = performance.now();
    const info = await apiCall(conn, 'reading the server version', (o) => versionApi.getCode({}, o as never), options);
    const rttMs = Math.round((performance.now() - started) * 10) / 10;
    const health = new k8s.Health(conn.kc);
    const ready = await apiCall(conn, 'asking /readyz', () => health.readyz({ signal: AbortSignal.timeout(options.timeoutMs ?? 4000) } as never), options);
    return { ...base, ok: ready, version: info.gitVersion, platform: info.platform, ready, rttMs };
  } catch (err) {
    return { ...base, ok: false, error: err instanceof Error ? err.message : String(err), errorCode: isKubeError(err) ? err.code : undefined };
  }
}

/** One line for a status message or a timeline note. */
export function formatClusterCheck(c: ClusterCheck): string {
  const where = `${c.target.context}/${c.target.namespace} (${c.server})`;
  if (c.error) return `Cluster check failed for ${where}: ${c.error}`;
  return `Cluster ${where}: version ${c.version ?? '?'}, ${c.ready ? 'ready' : 'NOT ready'} (/readyz), round trip ${c.rttMs} ms`;
}
