import { connect } from '../connection';
import type { MergedKubeconfig } from '../mergeKubeconfig';
import type { KubeTarget } from '../types';
import type { ServiceCall } from './serviceCalls';
import { startServiceProxy, type ServiceProxy } from './startServiceProxy';

/** The proxy as one part of a run's scope: variables for the block, fields for its entry, cleanup. */
export interface ServiceProxyScope {
  env: Record<string, string>;
  proxy?: ServiceProxy;
  /** `serviceCalls` for the timeline entry (absent when no Service was reached). */
  entryFields(): { serviceCalls?: ServiceCall[] };
  /** Lines for the user after the run: refusals and failed look-ups in words. */
  notes(): string[];
  dispose(): Promise<void>;
}

const OFF: ServiceProxyScope = { env: {}, entryFields: () => ({}), notes: () => [], dispose: async () => undefined };

/**
 * Starts the run's proxy for a run on `target`, unless turned off (setting, `--no-service-proxy`
 * or the block's `{ serviceProxy=false }`): then the block sees the environment unchanged.
 */
export async function serviceProxyScope(merged: MergedKubeconfig, target: KubeTarget, enabled: boolean, secrets: string[] = []): Promise<ServiceProxyScope> {
  if (!enabled) return OFF;
  const proxy = await startServiceProxy(await connect(merged, target), { secrets });
  return {
    env: proxy.env,
    proxy,
    entryFields: () => {
      const calls = proxy.serviceCalls();
      return calls.length ? { serviceCalls: calls } : {};
    },
    notes: () => proxy.notes().map((n) => `in-cluster address ${n}`),
    dispose: () => proxy.close(),
  };
}
