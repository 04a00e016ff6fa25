import * as path from 'node:path';
import { fillPlaceholders } from '../core/runbook/placeholders';
import type { RunbookBlock } from '../core/runbook/types';
import type { KubeTarget } from '../core/kube/types';
import { ensureIncidentDir } from '../core/incident/incidentStore';
import { TIMELINE_JSONL } from '../core/incident/incidentFiles';
import { authFromEnv } from '../core/integrations/httpAuth';
import { DEFAULT_QUERY_TIMEOUT_MS } from '../core/integrations/prometheusClient';
import { executePromql, recordQuery } from '../core/integrations/promqlRun';
import { describeSpec } from '../core/integrations/promqlSpec';
import { formatResultTable } from '../core/integrations/queryResult';
import { UsageError } from './args';

/** Flags `run` accepts for promql blocks. */
export const promqlOptions = {
  prometheus: { type: 'string' },
} as const;

export const promqlHelp = `  --prometheus URL   promql blocks: the Prometheus to query (default: $RUNBOOK_LENS_PROMETHEUS_URL).
                     Credentials: $RUNBOOK_LENS_PROMETHEUS_TOKEN (bearer), or
                     $RUNBOOK_LENS_PROMETHEUS_USER and $RUNBOOK_LENS_PROMETHEUS_PASSWORD (basic).
                     A promql block prints a plain table; --incident is optional for it.
                     Attributes range=30m step=30s make it a range query. Exit status
                     for promql blocks: 0 with a result, 1 on a query error, 124 on a timeout.`;

export interface PromqlRunFlags {
  prometheus?: string;
  incident?: string;
  timeoutSeconds?: number;
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
  target: KubeTarget | null,
  actor: string | undefined,
  runbookRel: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const baseUrl = flags.prometheus?.trim() || env.RUNBOOK_LENS_PROMETHEUS_URL?.trim();
  if (!baseUrl) throw new UsageError(`block ${block.index} of ${file} is a promql query: pass --prometheus URL (or set RUNBOOK_LENS_PROMETHEUS_URL)`);
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
  const outcome = await executePromql(block, filled.code, { baseUrl, auth: authFromEnv(env, 'RUNBOOK_LENS_PROMETHEUS'), timeoutMs });
  if (outcome.errorKind === 'config') throw new UsageError(`block ${block.index}: ${outcome.error}`);
  if (outcome.response) {
    process.stdout.write(formatResultTable(outcome.response.data) + '\n');
    for (const w of outcome.response.warnings) process.stderr.write(`runbook-lens run: Prometheus warning: ${w}\n`);
  } else {
    process.stderr.write(`runbook-lens run: ${outcome.error}\n`);
  }
  const how = outcome.spec ? describeSpec(outcome.spec) : 'instant';
  if (incidentDir) {
    const entry = await recordQuery(outcome, { incidentDir, runbook: runbookRel, block, target, actor });
    process.stderr.write(`runbook-lens run: query block ${block.index} (${how}) ${outcome.error ? 'failed' : 'ok'}; recorded as ${entry.id} in ${path.join(incidentDir, TIMELINE_JSONL)}\n`);
  }
  if (!outcome.error) return 0;
  return outcome.errorKind === 'timeout' ? 124 : 1;
}
