import { executePromql } from '../../integrations/promqlRun';
import type { PrometheusConnection } from '../../integrations/prometheusClient';
import type { Executor, QueryResult, ScopedRun } from '../types';

/** Runs a promql block against the Prometheus `connection` gives for the run (its target's, a flag's). */
export function promqlExecutor(connection: (run: ScopedRun) => PrometheusConnection | Promise<PrometheusConnection>): Executor {
  return {
    kind: 'promql',
    records: 'query',
    async execute(run: ScopedRun): Promise<QueryResult> {
      const conn = await connection(run);
      return { kind: 'query', outcome: await executePromql(run.block, run.code, { ...conn, timeoutMs: run.timeoutMs ?? conn.timeoutMs }) };
    },
  };
}
