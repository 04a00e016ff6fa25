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
    return { ...base, spec, durationMs: Date.now() - t0, error: e.message, errorKind: e.kind };
  }
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
