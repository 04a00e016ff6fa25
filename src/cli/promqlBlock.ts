import * as path from 'node:path';
import type { RunbookBlock } from '../core/runbook/types';
import type { TimelineEntry } from '../core/incident/types';
import { TIMELINE_JSONL } from '../core/incident/incidentFiles';
import type { PromqlOutcome } from '../core/integrations/promqlRun';
import { describeSpec } from '../core/integrations/promqlSpec';
import { formatResultTable } from '../core/integrations/queryResult';
import { UsageError } from './args';

/** Flags `run` accepts for promql blocks. */
export const promqlOptions = {
  prometheus: { type: 'string' },
} as const;

export const promqlHelp = `  --prometheus URL   promql blocks: the Prometheus to query (default: $RUNBOOK_LENS_PROMETHEUS_URL;
                     with a target and neither, the cluster's own Prometheus Service, found
                     through the in-cluster address proxy).
                     Credentials: $RUNBOOK_LENS_PROMETHEUS_TOKEN (bearer), or
                     $RUNBOOK_LENS_PROMETHEUS_USER and $RUNBOOK_LENS_PROMETHEUS_PASSWORD (basic).
                     A promql block prints a plain table; --incident is optional for it.
                     Attributes range=30m step=30s make it a range query. Exit status
                     for promql blocks: 0 with a result, 1 on a query error, 124 on a timeout.`;

/**
 * The Prometheus a promql block queries: --prometheus, else $RUNBOOK_LENS_PROMETHEUS_URL; undefined
 * when `inCluster` (a target, proxy not turned off): then the cluster's own Prometheus Service.
 */
export function prometheusUrlFrom(flag: string | undefined, block: RunbookBlock, file: string, inCluster: boolean, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const baseUrl = flag?.trim() || env.RUNBOOK_LENS_PROMETHEUS_URL?.trim();
  if (!baseUrl && !inCluster) throw new UsageError(`block ${block.index} of ${file} is a promql query: pass --prometheus URL (or set RUNBOOK_LENS_PROMETHEUS_URL, or give --context to use the cluster's own Prometheus)`);
  return baseUrl || undefined;
}

/**
 * A promql block's result as `runbook-lens run` shows it: a plain table on stdout, warnings and
 * errors on stderr, and where it was recorded. Exit 0 on a result, 1 on a query error, 124 on a timeout.
 */
export function printQueryOutcome(outcome: PromqlOutcome, block: RunbookBlock, entry: TimelineEntry | undefined, incidentDir: string | undefined): number {
  if (outcome.errorKind === 'config') throw new UsageError(`block ${block.index}: ${outcome.error}`);
  for (const note of outcome.notes ?? []) process.stderr.write(`runbook-lens run: ${note}\n`);
  if (outcome.response) {
    if (outcome.prometheusService) process.stderr.write(`runbook-lens run: Prometheus: Service ${outcome.prometheusService}, through the API server\n`);
    process.stdout.write(formatResultTable(outcome.response.data) + '\n');
    for (const w of outcome.response.warnings) process.stderr.write(`runbook-lens run: Prometheus warning: ${w}\n`);
  } else {
    process.stderr.write(`runbook-lens run: ${outcome.error}\n`);
  }
  const how = outcome.spec ? describeSpec(outcome.spec) : 'instant';
  if (entry && incidentDir) {
    process.stderr.write(`runbook-lens run: query block ${block.index} (${how}) ${outcome.error ? 'failed' : 'ok'}; recorded as ${entry.id} in ${path.join(incidentDir, TIMELINE_JSONL)}\n`);
  }
  if (!outcome.error) return 0;
  return outcome.errorKind === 'timeout' ? 124 : 1;
}
