import { apiCall, type ApiCallOptions } from './apiCall';
import type { KubeConnection } from './connection';
import { getJson } from './namesRequest';

/** One live value offered for a placeholder, with what the cluster says about it. */
export interface LiveChoice {
  /** The value the placeholder gets. */
  value: string;
  /** e.g. `CrashLoopBackOff · 0/1 ready · 7 restarts · age 2d`. */
  description?: string;
  /** Not running and ready, or restarting: listed first and marked. */
  attention?: boolean;
}

/** Server-side printing, as `kubectl get pods` asks for it; a server without it sends the list. */
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const HEALTHY = new Set(['Running', 'Completed', 'Succeeded']);

export interface PodSummary {
  name: string;
  /** kubectl's STATUS word: a waiting or terminated reason (CrashLoopBackOff, OOMKilled…), else the phase. */
  status: string;
  /** `ready/total` containers. */
  ready: string;
  /** kubectl's RESTARTS cell, e.g. `7` or `7 (2m ago)`. */
  restarts: string;
  /** kubectl's AGE, e.g. `2d`. */
  age: string;
}

/** The pods of the target's namespace with status, restarts and age: pods needing attention first, most restarts first. */
export async function listPodChoices(conn: KubeConnection, options: ApiCallOptions = {}): Promise<LiveChoice[]> {
  const ns = conn.target.namespace;
  const body = await apiCall(conn, `listing pods in namespace ${ns}`, (_o, signal) => getJson(conn, `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`, TABLE_ACCEPT, signal), options);
  return podChoices(podSummaries(body));
}

export function podChoices(pods: PodSummary[]): LiveChoice[] {
  const restarts = (p: PodSummary) => Number.parseInt(p.restarts, 10) || 0;
  return pods
    .map((p) => ({ pod: p, choice: { value: p.name, description: describePod(p), attention: needsAttention(p) } }))
    .sort((a, b) => Number(b.choice.attention) - Number(a.choice.attention) || restarts(b.pod) - restarts(a.pod) || a.pod.name.localeCompare(b.pod.name))
    .map((x) => x.choice);
}

export function describePod(p: PodSummary): string {
  const n = Number.parseInt(p.restarts, 10);
  const restarts = `${p.restarts} ${n === 1 ? 'restart' : 'restarts'}`;
  return `${p.status} · ${p.ready} ready · ${restarts} · age ${p.age}`;
}

function needsAttention(p: PodSummary): boolean {
  const [ready, total] = p.ready.split('/').map(Number);
  const notReady = p.status === 'Running' && ready < total;
  return !HEALTHY.has(p.status) || notReady || Number.parseInt(p.restarts, 10) > 0;
}

/** From a `Table` (what kubectl prints) or, failing that, a plain pod list. */
export function podSummaries(body: unknown): PodSummary[] {
  const b = body as { kind?: string; columnDefinitions?: { name: string }[]; rows?: { cells: unknown[] }[]; items?: unknown[] } | null;
  if (b?.kind === 'Table' && Array.isArray(b.columnDefinitions) && Array.isArray(b.rows)) {
    const col = (name: string) => b.columnDefinitions!.findIndex((c) => c.name.toLowerCase() === name);
    const [name, ready, status, restarts, age] = ['name', 'ready', 'status', 'restarts', 'age'].map(col);
    const cell = (row: { cells: unknown[] }, i: number) => (i >= 0 && row.cells[i] !== undefined && row.cells[i] !== null ? String(row.cells[i]) : '?');
    return b.rows.map((r) => ({ name: cell(r, name), ready: cell(r, ready), status: cell(r, status), restarts: cell(r, restarts), age: cell(r, age) })).filter((p) => p.name !== '?');
  }
  if (Array.isArray(b?.items)) return b.items.map((p) => summarise(p as PodObject)).filter((p) => p.name !== '');
  throw new Error('the answer is neither a table nor a pod list');
}

interface PodObject {
  metadata?: { name?: string; creationTimestamp?: string; deletionTimestamp?: string };
  status?: {
    phase?: string;
    reason?: string;
    containerStatuses?: { ready?: boolean; restartCount?: number; state?: { waiting?: { reason?: string }; terminated?: { reason?: string; exitCode?: number } } }[];
  };
}

/** kubectl's printer rules, in short: a deleted pod is Terminating, a container's reason beats the phase. */
function summarise(p: PodObject, now = Date.now()): PodSummary {
  const cs = p.status?.containerStatuses ?? [];
  let status = p.status?.reason || p.status?.phase || 'Unknown';
  for (const c of cs) {
    const reason = c.state?.waiting?.reason || c.state?.terminated?.reason || (c.state?.terminated ? `ExitCode:${c.state.terminated.exitCode ?? '?'}` : '');
    if (reason) status = reason;
  }
  if (p.metadata?.deletionTimestamp) status = 'Terminating';
  const created = Date.parse(p.metadata?.creationTimestamp ?? '');
  return {
    name: p.metadata?.name ?? '',
    status,
    ready: `${cs.filter((c) => c.ready).length}/${cs.length}`,
    restarts: String(cs.reduce((n, c) => n + (c.restartCount ?? 0), 0)),
    age: Number.isNaN(created) ? '?' : shortAge(now - created),
  };
}

/** kubectl's short ages: 45s, 12m, 5h, 3d. */
export function shortAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  if (s < 3600 * 3) return `${Math.floor(s / 60)}m`;
  if (s < 86400 * 2) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}
