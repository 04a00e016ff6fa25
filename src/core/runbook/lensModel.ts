import type { KubeTarget } from '../kube/types';
import type { Runbook } from './types';
import { describeBlock } from './blockLabel';
import { formatDuration } from '../incident/timeFormat';

export interface LastRun {
  status: 'ok' | 'failed' | 'stopped' | 'timeout';
  exitCode: number | null;
  durationMs: number;
  /** Commands of the block that failed (the last one included), when they were checked. */
  failedSteps?: number;
  /** false when the shell could not report failing commands (no ERR trap): only the last exit code is known. */
  stepsChecked?: boolean;
  /** Who ran it, when the result came from the incident's timeline (a teammate's run). */
  actor?: string;
  /** When it ended (ISO), to tell which of two results is the later. */
  at?: string;
}

export interface LensSpec {
  /** 1-based line of the opening fence. */
  line: number;
  title: string;
  command: string;
  /** Block index passed to the command with the document, or undefined for commands without arguments. */
  block?: number;
  tooltip?: string;
}

export interface LensInputs {
  target?: KubeTarget;
  /** Set when nothing may run (e.g. untrusted workspace): shown instead of Run. */
  blocked?: { title: string; command: string; tooltip?: string };
  isRunning(index: number): boolean;
  lastResult(index: number): LastRun | undefined;
  /** This editor's actor: a result by anyone else is labelled with their name. */
  me?: string;
}

/** `✓ 0`, `✓ 0 · last command only`, `✗ 3`, `✗ 0 · 2 commands failed`, `■ stopped`, `⏱ timed out`. Never ✓ when any command failed. */
export function statusLabel(r: LastRun): string {
  const n = r.failedSteps ?? 0;
  const steps = n > 1 || (n === 1 && r.exitCode === 0) ? ` · ${n} command${n > 1 ? 's' : ''} failed` : '';
  const status = r.status === 'ok' && n > 0 ? 'failed' : r.status;
  switch (status) {
    case 'ok': return `✓ ${r.exitCode ?? 0}${r.stepsChecked === false ? ' · last command only' : ''}`;
    case 'failed': return `✗ ${r.exitCode ?? '?'}${steps}`;
    case 'stopped': return '■ stopped';
    case 'timeout': return '⏱ timed out';
  }
}

/**
 * `✓ 0 · 1.2 s` (`✓ 0 · last command only · 1.2 s` when the shell could not check each command), `✗ 3 · 0.4 s`, `✗ 0 · 2 commands failed · 2.3 s` (an earlier command failed, the last
 * one did not), `■ stopped · 2.0 s`, `⏱ timed out · 10 min 00 s`; `✓ 0 · 1.2 s · bob` when someone other than `me` ran it.
 */
export function resultLabel(r: LastRun, me?: string): string {
  const who = r.actor && r.actor !== me ? ` · ${r.actor}` : '';
  return `${statusLabel(r)} · ${formatDuration(r.durationMs, { precise: true })}${who}`;
}

/** ▶ Run / Run in Terminal / Copy above every shell block; ■ Stop while running; the last result after. */
export function shellBlockLenses(runbook: Runbook, inputs: LensInputs): LensSpec[] {
  const out: LensSpec[] = [];
  const { target, blocked } = inputs;
  for (const block of runbook.blocks) {
    if (block.kind !== 'shell') continue;
    const line = block.line;
    const running = inputs.isRunning(block.index);
    if (blocked) {
      out.push({ line, title: blocked.title, command: blocked.command, tooltip: blocked.tooltip });
    } else if (running) {
      out.push({ line, title: '■ Stop', command: 'runbookLens.stopBlock', block: block.index, tooltip: 'Stop this block and every process it started' });
      out.push({ line, title: '$(sync~spin) running…', command: 'runbookLens.showOutput' });
    } else {
      out.push({
        line,
        title: target ? `▶ Run on ${target.context}/${target.namespace}` : '▶ Run',
        command: 'runbookLens.runBlock',
        block: block.index,
        tooltip: target ? `Run ${describeBlock(block)} against context ${target.context}, namespace ${target.namespace}` : `Run ${describeBlock(block)} locally`,
      });
      out.push({ line, title: 'Run in Terminal', command: 'runbookLens.runInTerminal', block: block.index });
    }
    out.push({ line, title: 'Copy', command: 'runbookLens.copyBlock', block: block.index });
    const last = running ? undefined : inputs.lastResult(block.index);
    if (last) out.push({ line, title: resultLabel(last, inputs.me), command: 'runbookLens.showOutput', tooltip: last.actor && last.actor !== inputs.me ? `Last result, run by ${last.actor}; the incident timeline has the output` : 'Last result in this session; click for the output' });
  }
  return out;
}
