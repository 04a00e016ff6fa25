import type { ServiceCall } from '../kube/serviceProxy/serviceCalls';
import type { RunbookBlock } from '../runbook/types';
import { displayUrl, IntegrationError } from './httpErrors';
import { instantQuery, rangeQuery, type PrometheusConnection } from './prometheusClient';
import type { PromQueryResponse } from './prometheusTypes';
import { querySpecFrom, type QuerySpec } from './promqlSpec';
import { formatPromDuration } from './promDuration';
import { summarizeResult } from './queryResult';

/** What running one promql block produced: a result, or the error as Prometheus (or the network) reported it. */
export interface PromqlOutcome {
  query: string;
  prometheusUrl: string;
  spec?: QuerySpec;
  startedAt: Date;
  durationMs: number;
  /** Range queries: the window asked for. */
  start?: Date;
  end?: Date;
  response?: PromQueryResponse;
  error?: string;
  errorKind?: string;
  /** HTTP status of a failed answer, if there was one. */
  httpStatus?: number;
  /** In-cluster discovery: the Service that answered (`NS/NAME:PORT`). */
  prometheusService?: string;
  /** In-cluster discovery: the Services the query reached (see the service proxy). */
  serviceCalls?: ServiceCall[];
  /** In-cluster discovery: refusals and missing endpoints, in words (not recorded as such). */
  notes?: string[];
}

/** Runs `query` (placeholders already filled) as the block's attributes say: instant, or range=… step=…. */
export async function executePromql(block: Pick<RunbookBlock, 'attributes'>, query: string, conn: PrometheusConnection, now = () => new Date()): Promise<PromqlOutcome> {
  const startedAt = now();
  const base = { query, prometheusUrl: displayUrl(conn.baseUrl), startedAt };
  let spec: QuerySpec;
  try {
    spec = querySpecFrom(block.attributes);
  } catch (err) {
    return { ...base, durationMs: 0, error: (err as Error).message, errorKind: 'config' };
  }
  if (!query.trim()) return { ...base, spec, durationMs: 0, error: 'the promql block is empty', errorKind: 'config' };
  const t0 = Date.now();
  try {
    if (spec.mode === 'instant') {
      const response = await instantQuery(conn, query);
      return { ...base, spec, response, durationMs: Date.now() - t0 };
    }
    const end = startedAt;
    const start = new Date(end.getTime() - spec.rangeMs);
    const response = await rangeQuery(conn, query, start, end, spec.stepMs);
    return { ...base, spec, start, end, response, durationMs: Date.now() - t0 };
  } catch (err) {
    const e = err instanceof IntegrationError ? err : new IntegrationError(err instanceof Error ? err.message : String(err), 'bad-response');
    return { ...base, spec, durationMs: Date.now() - t0, error: e.message, errorKind: e.kind, ...(e.status ? { httpStatus: e.status } : {}) };
  }
}

/** In-cluster candidates for a block without a configured URL, and how to reach each. */
export interface InClusterPrometheus {
  candidates: { service: string; baseUrl: string }[];
  connection(baseUrl: string): PrometheusConnection;
  /** Where it looked, for the error when nothing answered. */
  searched: string;
}

/**
 * Runs the query against the first in-cluster Prometheus that answers like Prometheus. A
 * candidate that cannot be reached (no endpoints, refused, not Prometheus) gives way to the
 * next; a query error or a timeout is the answer.
 */
export async function executePromqlInCluster(block: Pick<RunbookBlock, 'attributes'>, query: string, found: InClusterPrometheus, now = () => new Date()): Promise<PromqlOutcome> {
  let first: PromqlOutcome | undefined;
  for (const c of found.candidates) {
    const o = { ...(await executePromql(block, query, found.connection(c.baseUrl), now)), prometheusService: c.service };
    if (o.response || !movesOn(o)) return o;
    first ??= o;
  }
  if (first) return first;
  const startedAt = now();
  return { query, prometheusUrl: '', startedAt, durationMs: 0, error: `no Prometheus Service found (looked for ${found.searched}); pass a Prometheus URL`, errorKind: 'not-found' };
}

function movesOn(o: PromqlOutcome): boolean {
  if (o.errorKind === 'unreachable' || o.errorKind === 'bad-response' || o.errorKind === 'auth') return true;
  return o.errorKind === 'api' && (o.httpStatus === 404 || o.httpStatus === 502 || o.httpStatus === 503);
}

/** The one-line account of an outcome, as the timeline and messages show it. */
export function outcomeSummary(o: PromqlOutcome): string {
  if (o.error) return `error: ${o.error}`;
  const warn = o.response?.warnings.length ? ` (warnings: ${o.response.warnings.join('; ')})` : '';
  return o.response ? summarizeResult(o.response.data) + warn : '';
}

/** The full result as written, redacted, to outputs/<id>.log. */
export function queryOutputDocument(o: PromqlOutcome): Record<string, unknown> {
  return {
    query: o.query,
    prometheus: o.prometheusUrl,
    ...(o.prometheusService ? { prometheusService: o.prometheusService } : {}),
    mode: o.spec?.mode ?? 'instant',
    ...(o.start && o.end ? { start: o.start.toISOString(), end: o.end.toISOString() } : {}),
    ...(o.spec?.mode === 'range' ? { step: formatPromDuration(o.spec.stepMs) } : {}),
    time: o.startedAt.toISOString(),
    durationMs: o.durationMs,
    // Flattened (no "data" object): a JSON `"data": {` reads as a Kubernetes Secret to the redactor.
    ...(o.error ? { status: 'error', error: o.error } : {
      status: 'success',
      warnings: o.response?.warnings ?? [],
      resultType: o.response?.data.resultType,
      result: o.response?.data.result,
    }),
  };
}
