import type { KubeTarget } from '../kube/types';
import type { LastRun } from '../runbook/lensModel';
import { statusLabel } from '../runbook/lensModel';
import { formatDuration } from './timeFormat';
import type { TimelineEntry } from './types';

/** A finished run of a block as the incident's timeline records it (whoever ran it). */
export interface BlockRun extends LastRun {
  at: string;
  target?: KubeTarget | null;
}

/** Default of runbookLens.team.recentRunMinutes. */
export const DEFAULT_RECENT_RUN_MINUTES = 10;

const FINISHED = new Set(['ok', 'failed', 'stopped', 'timeout']);

/** The latest finished, whole-block run of `block` in `runbookRel` (Run Selection runs are parts, not the block). */
export function lastBlockRun(entries: readonly TimelineEntry[], runbookRel: string, block: number): BlockRun | undefined {
  let best: TimelineEntry | undefined;
  for (const e of entries) {
    if (e.kind !== 'command' || e.runbook !== runbookRel || e.block !== block || e.selection) continue;
    if (!e.status || !FINISHED.has(e.status)) continue;
    if (!best || Date.parse(e.time) >= Date.parse(best.time)) best = e;
  }
  if (!best) return undefined;
  return {
    status: best.status as LastRun['status'],
    exitCode: best.exitCode ?? null,
    durationMs: best.durationMs ?? 0,
    ...(best.failedSteps !== undefined ? { failedSteps: best.failedSteps } : {}),
    ...(best.stepsChecked !== undefined ? { stepsChecked: best.stepsChecked } : {}),
    ...(best.actor ? { actor: best.actor } : {}),
    at: best.time,
    target: best.target,
  };
}

/** The later of two results; one without a time (this session's) wins over an older-looking recorded one only when it has no rival. */
export function laterRun(a: LastRun | undefined, b: LastRun | undefined): LastRun | undefined {
  if (!a || !b) return a ?? b;
  const ta = a.at ? Date.parse(a.at) : NaN;
  const tb = b.at ? Date.parse(b.at) : NaN;
  if (Number.isNaN(ta)) return Number.isNaN(tb) ? a : b;
  if (Number.isNaN(tb)) return a;
  return tb > ta ? b : a;
}

/**
 * What the lens shows after a block: this session's result, or a teammate's run when that is the
 * latest the incident recorded (my own recorded runs from an earlier session are not shown: the
 * lens never did).
 */
export function lensRun(session: LastRun | undefined, entries: readonly TimelineEntry[], runbookRel: string, block: number, me?: string): LastRun | undefined {
  const recorded = lastBlockRun(entries, runbookRel, block);
  if (!recorded || !recorded.actor || recorded.actor === me) return session;
  const { target: _target, ...theirs } = recorded;
  return laterRun(session, theirs);
}

/** Someone other than `me` ran the whole block within `withinMs` before `now`: their latest such run. */
export function recentTeammateRun(
  entries: readonly TimelineEntry[],
  q: { runbookRel: string; block: number; me?: string; now: Date; withinMs: number },
): BlockRun | undefined {
  const last = lastBlockRun(entries.filter((e) => e.actor && e.actor !== q.me), q.runbookRel, q.block);
  if (!last) return undefined;
  const age = q.now.getTime() - Date.parse(last.at);
  return age >= 0 && age <= q.withinMs ? last : undefined;
}

/** "bob ran this block 3 min ago on prod/payments: ✓ 0" (locally when the run had no cluster). */
export function teammateRunLine(run: BlockRun, now: Date): string {
  const ago = Math.max(0, now.getTime() - Date.parse(run.at));
  const where = run.target ? `${run.target.context}/${run.target.namespace}` : 'locally';
  return `${run.actor ?? 'someone'} ran this block ${formatDuration(ago)} ago ${run.target ? `on ${where}` : where}: ${statusLabel(run)}`;
}
