import { diagnostic } from '../codes';
import { fenceRange } from '../fenceRange';
import type { LintDiagnostic, LintInput } from '../types';

/** RL010: a runnable block before any heading: the timeline and outline cannot say which step it is. */
export function blockWithoutHeadingRule({ lines, runbook }: LintInput): LintDiagnostic[] {
  return runbook.blocks
    .filter((b) => b.section.length === 0)
    .map((b) => diagnostic(
      'RL010',
      `Block ${b.index} has no heading above it; add one so the timeline and outline can name its step.`,
      fenceRange(lines, b.line),
    ));
}
