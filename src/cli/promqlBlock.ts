import * as path from 'node:path';
import { fillPlaceholders } from '../core/runbook/placeholders';
import type { RunbookBlock } from '../core/runbook/types';
import { queryInClusterPrometheus } from '../core/kube/serviceProxy/inClusterPrometheus';
import { ensureIncidentDir } from '../core/incident/incidentStore';
import { TIMELINE_JSONL } from '../core/incident/incidentFiles';
import { authFromEnv } from '../core/integrations/httpAuth';
import { DEFAULT_QUERY_TIMEOUT_MS } from '../core/integrations/prometheusClient';
import { executePromql, recordQuery } from '../core/integrations/promqlRun';
import { describeSpec } from '../core/integrations/promqlSpec';
import { formatResultTable } from '../core/integrations/queryResult';
import { UsageError } from './args';
import type { CliTarget } from './kubeTarget';

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

export interface PromqlRunFlags {
  prometheus?: string;
  incident?: string;
  timeoutSeconds?: number;
  /** Without a URL, look for Prometheus in the target cluster through the service proxy. */
  serviceProxy?: boolean;
}

/**
 * `runbook-lens run FILE --block N` on a promql block: query, print a plain table, record a
 * `query` entry when --incident is given. Exit 0 on a result, 1 on a query error, 124 on a timeout.
 */
export async function runPromqlBlock(
  block: RunbookBlock,
  file: string,
  vars: Record<string, string>,
  flags: PromqlRunFlags,
  kube: CliTarget | undefined,
  actor: string | undefined,
  runbookRel: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const baseUrl = flags.prometheus?.trim() || env.RUNBOOK_LENS_PROMETHEUS_URL?.trim();
  const inCluster = !baseUrl && kube && flags.serviceProxy !== false;
  if (!baseUrl && !inCluster) throw new UsageError(`block ${block.index} of ${file} is a promql query: pass --prometheus URL (or set RUNBOOK_LENS_PROMETHEUS_URL${kube ? '' : ', or --context to use the cluster\'s own Prometheus'})`);
  const filled = fillPlaceholders(block.code, vars, 'promql');
  if (filled.missing.length) {
    const names = filled.missing.map((n) => `<${n}>`).join(', ');
    throw new UsageError(`block ${block.index} has unfilled placeholder${filled.missing.length > 1 ? 's' : ''} ${names}; pass ${filled.missing.map((n) => `--var ${n}=VALUE`).join(' ')}`);
  }
  let incidentDir: string | undefined;
  if (flags.incident) {
    try {
      incidentDir = (await ensureIncidentDir(flags.incident, { title: path.basename(path.resolve(flags.incident)) })).dir;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const timeoutMs = flags.timeoutSeconds !== undefined ? Math.round(flags.timeoutSeconds * 1000) : DEFAULT_QUERY_TIMEOUT_MS;
  const auth = authFromEnv(env, 'RUNBOOK_LENS_PROMETHEUS');
  let outcome;
  if (baseUrl) {
    outcome = await executePromql(block, filled.code, { baseUrl, auth, timeoutMs });
  } else {
    const found = await queryInClusterPrometheus(block, filled.code, kube!.merged, kube!.target, timeoutMs);
    for (const note of found.notes) process.stderr.write(`runbook-lens run: ${note}\n`);
    outcome = found.outcome;
  }
  if (outcome.errorKind === 'config') throw new UsageError(`block ${block.index}: ${outcome.error}`);
  if (outcome.response) {
    if (outcome.prometheusService) process.stderr.write(`runbook-lens run: Prometheus: Service ${outcome.prometheusService} of context ${kube?.target.context}, through the API server\n`);
    process.stdout.write(formatResultTable(outcome.response.data) + '\n');
    for (const w of outcome.response.warnings) process.stderr.write(`runbook-lens run: Prometheus warning: ${w}\n`);
  } else {
    process.stderr.write(`runbook-lens run: ${outcome.error}\n`);
  }
  const how = outcome.spec ? describeSpec(outcome.spec) : 'instant';
  if (incidentDir) {
    const entry = await recordQuery(outcome, { incidentDir, runbook: runbookRel, block, target: kube?.target ?? null, actor });
    process.stderr.write(`runbook-lens run: query block ${block.index} (${how}) ${outcome.error ? 'failed' : 'ok'}; recorded as ${entry.id} in ${path.join(incidentDir, TIMELINE_JSONL)}\n`);
  }
  if (!outcome.error) return 0;
  return outcome.errorKind === 'timeout' ? 124 : 1;
}

