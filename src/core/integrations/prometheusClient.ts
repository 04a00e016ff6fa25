import { loadAxios } from './axiosLazy';
import { axiosAuth, type HttpAuth } from './httpAuth';
import { apiUrl, describeHttpError, displayUrl, IntegrationError } from './httpErrors';
import { formatPromDuration } from './promDuration';
import type { PromQueryData, PromQueryResponse } from './prometheusTypes';

export interface PrometheusConnection {
  baseUrl: string;
  auth?: HttpAuth;
  /** Query timeout; Prometheus gets the same as its `timeout` parameter so it reports its own timeout. */
  timeoutMs?: number;
  /** The run's in-cluster address proxy on 127.0.0.1 (its port and token), for in-cluster URLs. */
  proxy?: { port: number; token: string };
}

export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

/** Prometheus reports errors as `{status:"error", errorType, error}`; show them as it does. */
export function prometheusApiError(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { status?: unknown; errorType?: unknown; error?: unknown };
  if (b.status !== 'error' || typeof b.error !== 'string') return undefined;
  return typeof b.errorType === 'string' && b.errorType ? `${b.errorType}: ${b.error}` : b.error;
}

/** Instant query at `time` (default: now on the server). */
export function instantQuery(conn: PrometheusConnection, query: string, time?: Date): Promise<PromQueryResponse> {
  const params = new URLSearchParams({ query });
  if (time) params.set('time', secondsOf(time));
  return post(conn, 'api/v1/query', params);
}

/** Range query from `start` to `end` every `stepMs`. */
export function rangeQuery(conn: PrometheusConnection, query: string, start: Date, end: Date, stepMs: number): Promise<PromQueryResponse> {
  const params = new URLSearchParams({ query, start: secondsOf(start), end: secondsOf(end), step: String(stepMs / 1000) });
  return post(conn, 'api/v1/query_range', params);
}

function secondsOf(d: Date): string {
  return (d.getTime() / 1000).toFixed(3);
}

// POST with a form body: the API accepts it for both endpoints, and long queries do not hit URL limits.
async function post(conn: PrometheusConnection, path: string, params: URLSearchParams): Promise<PromQueryResponse> {
  const timeoutMs = conn.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  if (timeoutMs > 0) params.set('timeout', formatPromDuration(timeoutMs));
  const url = apiUrl(conn.baseUrl, path, 'Prometheus');
  let body: unknown;
  try {
    const res = await (await loadAxios()).post(url, params, {
      ...axiosAuth(conn.auth),
      ...(conn.proxy ? { proxy: { protocol: 'http', host: '127.0.0.1', port: conn.proxy.port, auth: { username: 'runbook-lens', password: conn.proxy.token } } } : {}),
      // A little longer than the server-side timeout, so Prometheus' own timeout error wins.
      timeout: timeoutMs > 0 ? timeoutMs + 2000 : 0,
      responseType: 'json',
      maxRedirects: 3,
    });
    body = res.data;
  } catch (err) {
    throw describeHttpError(err, 'Prometheus', conn.baseUrl, timeoutMs, prometheusApiError);
  }
  const apiErr = prometheusApiError(body);
  if (apiErr) throw new IntegrationError(`Prometheus: ${apiErr}`, 'api');
  const b = body as { status?: unknown; data?: PromQueryData; warnings?: unknown; infos?: unknown } | undefined;
  if (!b || b.status !== 'success' || !b.data || typeof b.data !== 'object' || !('resultType' in b.data)) {
    throw new IntegrationError(`Prometheus at ${displayUrl(conn.baseUrl)} did not answer like the Prometheus HTTP API (is the URL right?)`, 'bad-response');
  }
  const notes = [b.warnings, b.infos].flatMap((x) => (Array.isArray(x) ? x.filter((w): w is string => typeof w === 'string') : []));
  return { data: b.data, warnings: notes };
}
