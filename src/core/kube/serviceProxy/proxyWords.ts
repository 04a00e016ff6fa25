import type { ServiceRef } from './hostNames';

/**
 * Words for what the API server's service proxy answered itself (a Status object, not the
 * Service's own reply): RBAC refusals and Services without ready endpoints.
 */
export function proxyProblem(status: number, body: Buffer, ref: ServiceRef): string | undefined {
  if (status !== 403 && status !== 503) return undefined;
  let parsed: { kind?: unknown; message?: unknown } | undefined;
  try {
    parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
  } catch {
    return undefined;
  }
  if (parsed?.kind !== 'Status') return undefined;
  const detail = typeof parsed.message === 'string' ? ` (${parsed.message})` : '';
  if (status === 403) return `your credentials may not proxy to services in ${ref.namespace} (RBAC: services/proxy)${detail}`;
  return `the Service ${ref.namespace}/${ref.name} has no ready endpoints${detail}`;
}
