import * as path from 'node:path';
import { judgeBlock } from '../guard/judgeBlock';
import { secretCommands } from '../incident/redaction/secretCommands';
import { effectiveTimeoutMs } from '../exec/timeout';
import { fillWithSecrets } from '../runbook/secretPlaceholders';
import { selectBlockLines } from '../runbook/selectLines';
import type { RunbookBlock } from '../runbook/types';
import { DEFAULT_QUERY_TIMEOUT_MS } from '../integrations/prometheusClient';
import { chooseTarget } from './target';
import { readIncidentView, type TimelineSnapshot } from './incidentView';
import type { PreparedRun, PrepareProblem, RunDriver, RunRequest } from './types';

export type Prepared =
  /** `timeline`: the entries the pinned target was folded from, for confirmRun. */
  | { ok: true; run: PreparedRun; timeline?: TimelineSnapshot }
  | { ok: false; problem: PrepareProblem; block: RunbookBlock }
  | { ok: false; cancelled: true };

/** Like Runme: relative to the runbook, so `> incident-logs.txt` lands beside it. */
export function blockCwd(runbookPath: string, block: Pick<RunbookBlock, 'attributes'>): string {
  return path.resolve(path.dirname(runbookPath), block.attributes.cwd ?? '.');
}

/** An explicit timeout wins, then the block's attribute, then the default; undefined = none. */
export function runTimeoutMs(req: Pick<RunRequest, 'timeoutSeconds' | 'defaultTimeoutSeconds'>, block: RunbookBlock): number | undefined {
  if (req.timeoutSeconds !== undefined) return req.timeoutSeconds > 0 ? Math.round(req.timeoutSeconds * 1000) : undefined;
  const fallback = req.defaultTimeoutSeconds ?? (block.kind === 'promql' ? DEFAULT_QUERY_TIMEOUT_MS / 1000 : 0);
  return effectiveTimeoutMs(block.attributes.timeout, fallback);
}

/**
 * Everything a run needs, worked out once: the block (or the selected lines of it), the target
 * (the incident's pinned one wins), the placeholder values (the driver asks for missing ones),
 * the guard's classification and the commands that print secrets, the timeout and the cwd.
 */
export async function prepareRun(req: RunRequest, driver: RunDriver): Promise<Prepared> {
  let block = req.block;
  if (req.lines) {
    const picked = selectBlockLines(block, req.lines[0], req.lines[1]);
    if (!picked.ok) return { ok: false, problem: { kind: 'bad-lines', error: picked.error }, block };
    block = picked.block;
  }
  if (block.kind === 'shell' && !req.incidentDir) return { ok: false, problem: { kind: 'no-incident' }, block };
  // The caller's read of the folder (the CLI's, for its target flags), else one read here.
  const view = req.incident ?? await readIncidentView(req.incidentDir);
  const chosen = chooseTarget(view.pinned, req.target);
  if (!chosen.ok) return { ok: false, problem: chosen.problem, block };
  const target = chosen.target;

  const values = await driver.placeholderValues(block, req.vars ?? {}, target);
  if (!values) return { ok: false, cancelled: true };
  const filled = fillWithSecrets(block, values);
  if (filled.missing.length) return { ok: false, problem: { kind: 'missing-placeholders', names: filled.missing }, block };

  const guardTarget = target ?? req.target?.ambient?.() ?? null;
  const safety = req.safety ?? {};
  const { assessment, decision } = block.kind === 'shell'
    ? await judgeBlock(block, filled.code, { rules: safety.rules, target: guardTarget, protectedPatterns: safety.protectedPatterns })
    : { assessment: { destructive: [], denied: [], uncertain: [], hiddenUnicode: [] }, decision: { action: 'run' as const, reasons: [] } };
  return {
    ok: true,
    ...(view.timeline ? { timeline: view.timeline } : {}),
    run: {
      request: req,
      block,
      kind: block.kind,
      code: filled.code,
      recordedCode: filled.recordedCode,
      secrets: filled.secrets,
      values,
      target,
      guardTarget,
      ...(chosen.retarget ? { retarget: chosen.retarget } : {}),
      assessment,
      decision,
      secretCommands: block.kind === 'shell' ? await secretCommands(filled.code) : [],
      timeoutMs: runTimeoutMs(req, block),
      cwd: blockCwd(req.runbookPath, block),
      shell: req.shell || 'bash',
    },
  };
}
