import { listLabel } from './blockLabel';
import type { Runbook, RunbookBlock } from './types';

/**
 * Run All / Run Section: which blocks run, in which order, what is skipped and why, and what
 * happens after each block. Kept free of the editor so every decision is unit-tested; the
 * extension only supplies the prompts and the actual runs.
 */

export type SkipReason = 'excludeFromRunAll' | 'background' | 'query' | 'empty';

export interface RunAllPlan {
  /** Blocks to run, in document order. */
  steps: RunbookBlock[];
  skipped: { block: RunbookBlock; reason: SkipReason }[];
  /** Every placeholder of the steps, unique, in order of first appearance: asked once, up front. */
  placeholders: string[];
}

export interface PlanScope {
  /** 1-based line of the heading whose section (with its subsections) runs; all blocks when absent. */
  headingLine?: number;
}

const isTrue = (v: string | undefined) => v?.trim().toLowerCase() === 'true';

/** The 1-based line range [from, to] a heading's section covers: up to the next heading of the same or a higher level. */
export function sectionLines(runbook: Runbook, headingLine: number): { from: number; to: number } | undefined {
  const i = runbook.headings.findIndex((h) => h.line === headingLine);
  if (i < 0) return undefined;
  const level = runbook.headings[i].level;
  const next = runbook.headings.slice(i + 1).find((h) => h.level <= level);
  return { from: headingLine, to: next ? next.line - 1 : Math.max(runbook.lineCount, headingLine) };
}

export function planRunAll(runbook: Runbook, scope: PlanScope = {}): RunAllPlan {
  const plan: RunAllPlan = { steps: [], skipped: [], placeholders: [] };
  const range = scope.headingLine === undefined ? undefined : sectionLines(runbook, scope.headingLine);
  if (scope.headingLine !== undefined && !range) return plan;
  const inScope = runbook.blocks.filter((b) => !range || (b.line >= range.from && b.line <= range.to));
  for (const block of inScope) {
    const reason = skipReason(block);
    if (reason) plan.skipped.push({ block, reason });
    else plan.steps.push(block);
  }
  plan.placeholders = [...new Set(plan.steps.flatMap((b) => b.placeholders))];
  return plan;
}

function skipReason(block: RunbookBlock): SkipReason | undefined {
  if (isTrue(block.attributes.excludeFromRunAll)) return 'excludeFromRunAll';
  // A background block (a port-forward, a watch) never ends, so the next block would never start.
  if (isTrue(block.attributes.background)) return 'background';
  // PromQL blocks are queries shown in the editor, not steps of a procedure.
  if (block.kind !== 'shell') return 'query';
  if (block.code.trim() === '') return 'empty';
  return undefined;
}

export const SKIP_LABELS: Record<SkipReason, string> = {
  excludeFromRunAll: 'excludeFromRunAll=true',
  background: 'background=true (never ends)',
  query: 'PromQL query',
  empty: 'nothing to run',
};

/** How one step ended. `declined`: its confirmation or placeholder prompt was refused. */
export type StepOutcome = 'ok' | 'failed' | 'timeout' | 'stopped' | 'declined' | 'cancelled';

export type FailurePolicy = 'ask' | 'stop' | 'continue';

/** What to do after a step: go on, stop, or ask the user (who answers continue or stop). */
export function afterStep(outcome: StepOutcome, policy: FailurePolicy): 'continue' | 'stop' | 'ask' {
  if (outcome === 'ok') return 'continue';
  // Cancelling the whole run (the notification's Cancel) always stops, whatever the policy.
  if (outcome === 'cancelled') return 'stop';
  return policy;
}

export interface RunAllSummary {
  results: { block: RunbookBlock; outcome: StepOutcome }[];
  /** Steps never started because the run stopped. */
  notRun: RunbookBlock[];
  stopped: boolean;
}

export interface RunAllDriver {
  runStep(block: RunbookBlock, position: number, total: number): Promise<StepOutcome>;
  /** Asked after a failed or declined step when the policy is `ask`. */
  ask(block: RunbookBlock, outcome: StepOutcome): Promise<'continue' | 'stop'>;
  isCancelled(): boolean;
}

/** Runs the plan's steps one after the other, following `afterStep`. */
export async function executePlan(plan: RunAllPlan, policy: FailurePolicy, driver: RunAllDriver): Promise<RunAllSummary> {
  const summary: RunAllSummary = { results: [], notRun: [], stopped: false };
  for (const [i, block] of plan.steps.entries()) {
    if (driver.isCancelled()) {
      summary.stopped = true;
      summary.notRun = plan.steps.slice(i);
      break;
    }
    const raw = await driver.runStep(block, i + 1, plan.steps.length);
    const outcome: StepOutcome = driver.isCancelled() && raw !== 'ok' ? 'cancelled' : raw;
    summary.results.push({ block, outcome });
    let next = afterStep(outcome, policy);
    if (next === 'ask' && i < plan.steps.length - 1) next = await driver.ask(block, outcome);
    if (next === 'stop' && i < plan.steps.length - 1) {
      summary.stopped = true;
      summary.notRun = plan.steps.slice(i + 1);
      break;
    }
  }
  return summary;
}

/** `3 ok, 1 failed (Service Recovery, line 85), 2 not run`: blocks by name or heading, never by number. */
export function summaryText(s: RunAllSummary): string {
  const parts: string[] = [];
  const by = (o: StepOutcome) => s.results.filter((r) => r.outcome === o);
  const ok = by('ok').length;
  if (ok) parts.push(`${ok} ok`);
  for (const o of ['failed', 'timeout', 'stopped', 'declined', 'cancelled'] as const) {
    const r = by(o);
    if (r.length) parts.push(`${r.length} ${o === 'timeout' ? 'timed out' : o} (${r.map((x) => listLabel(x.block)).join('; ')})`);
  }
  if (s.notRun.length) parts.push(`${s.notRun.length} not run`);
  return parts.join(', ') || 'nothing ran';
}
