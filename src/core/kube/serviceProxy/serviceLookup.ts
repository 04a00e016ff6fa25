import { apiCall } from '../apiCall';
import type { KubeConnection } from '../connection';
import { isKubeError } from '../kubeError';
import { getJson } from '../namesRequest';
import type { ServiceRef } from './hostNames';

const NOT_FOUND = Symbol('not found');

export interface ServicePort {
  name?: string;
  port: number;
}

export interface FoundService extends ServiceRef {
  ports: ServicePort[];
}

/** What a look-up found: the Service, none (404), or why it could not tell. */
export type LookupResult = { service: FoundService; problem?: undefined } | { service?: undefined; problem?: string };

/**
 * GETs Services of the target cluster, each at most once per run: a name that is not a Service
 * (404) is remembered as such, as is a failed look-up, so a block that loops does not hammer
 * the API server.
 */
export class ServiceLookup {
  private readonly cache = new Map<string, Promise<LookupResult>>();

  constructor(private readonly conn: KubeConnection, private readonly timeoutMs?: number) {}

  find(ref: ServiceRef): Promise<LookupResult> {
    const key = `${ref.namespace}/${ref.name}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.lookUp(ref);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private async lookUp(ref: ServiceRef): Promise<LookupResult> {
    const apiPath = `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/services/${encodeURIComponent(ref.name)}`;
    try {
      // A 404 (no such Service, or no such namespace) is an answer, not a failure.
      const get = (signal: AbortSignal) => getJson(this.conn, apiPath, 'application/json', signal).catch((err: { code?: unknown }) => {
        if (err.code === 404) return NOT_FOUND;
        throw err;
      });
      const svc = await apiCall(this.conn, `looking up Service ${ref.namespace}/${ref.name}`, (_o, signal) => get(signal), { timeoutMs: this.timeoutMs });
      if (svc === NOT_FOUND) return {};
      const ports = ((svc as { spec?: { ports?: unknown } }).spec?.ports ?? []) as { name?: unknown; port?: unknown }[];
      return { service: { ...ref, ports: ports.filter((p) => typeof p.port === 'number').map((p) => ({ port: p.port as number, ...(typeof p.name === 'string' && p.name ? { name: p.name } : {}) })) } };
    } catch (err) {
      return { problem: isKubeError(err) ? err.message : String(err) };
    }
  }
}
