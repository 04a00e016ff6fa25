import { executePromqlInCluster, type PromqlOutcome } from '../../integrations/promqlRun';
import type { RunbookBlock } from '../../runbook/types';
import type { Executor, QueryResult, ScopedRun } from '../../run/types';
import type { MergedKubeconfig } from '../mergeKubeconfig';
import type { KubeTarget } from '../types';
import { PROMETHEUS_NAMESPACES, PROMETHEUS_SERVICE_NAMES, prometheusCandidates } from './findPrometheus';
import { serviceProxyScope } from './runProxy';

/**
 * A promql block without a configured URL, on the target cluster's own Prometheus: the first
 * Service of the usual names that answers, reached through a proxy that lives for this query.
 * The outcome names the Service (`prometheusService`) and carries `serviceCalls`; `notes` are
 * refusals and missing endpoints in words.
 */
export async function queryInClusterPrometheus(block: Pick<RunbookBlock, 'attributes'>, query: string, merged: MergedKubeconfig, target: KubeTarget, timeoutMs?: number, secrets: string[] = []): Promise<{ outcome: PromqlOutcome; notes: string[] }> {
  const scope = await serviceProxyScope(merged, target, true, secrets);
  try {
    const proxy = scope.proxy!;
    const candidates = await prometheusCandidates(proxy, target.namespace);
    const namespaces = [...new Set([target.namespace, ...PROMETHEUS_NAMESPACES])];
    const searched = `Services ${PROMETHEUS_SERVICE_NAMES.join(', ')} in ${namespaces.join(', ')} of context ${target.context}`;
    const outcome = await executePromqlInCluster(block, query, {
      candidates,
      searched,
      connection: (baseUrl) => ({ baseUrl, timeoutMs, proxy: { port: proxy.port, token: proxy.token } }),
    });
    return { outcome: { ...outcome, ...scope.entryFields() }, notes: scope.notes() };
  } finally {
    await scope.dispose();
  }
}

/** A promql executor for runs without a Prometheus URL: the target cluster's own Prometheus. */
export function inClusterPromqlExecutor(kubeconfig: () => MergedKubeconfig): Executor {
  return {
    kind: 'promql',
    records: 'query',
    async execute(run: ScopedRun): Promise<QueryResult> {
      if (!run.target) {
        const outcome: PromqlOutcome = { query: run.code, prometheusUrl: '', startedAt: new Date(), durationMs: 0, error: 'no Prometheus URL and no cluster target to find one in', errorKind: 'config' };
        return { kind: 'query', outcome };
      }
      const found = await queryInClusterPrometheus(run.block, run.code, kubeconfig(), run.target, run.timeoutMs, run.secrets);
      return { kind: 'query', outcome: { ...found.outcome, notes: found.notes } };
    },
  };
}
