import type { RunResult, CommandEntry } from '../incident/types';
import { redactText } from '../incident/redaction/redact';
import type { StepFailure } from '../exec/stepCheck';
import { codeLineNumbers } from '../runbook/selectLines';
import type { RunbookBlock } from '../runbook/types';

/** A block whose last command succeeded still failed when an earlier command did. */
export function runStatus(r: { timedOut: boolean; cancelled: boolean; exitCode: number | null; failedSteps?: number }): RunResult {
  if (r.timedOut) return 'timeout';
  if (r.cancelled) return 'stopped';
  return r.exitCode === 0 && !r.failedSteps ? 'ok' : 'failed';
}

/** The entry fields naming the first failed command: its redacted source line and runbook line. */
export function failureFields(req: { code: string; block: RunbookBlock; recordedCode?: string; secrets?: string[] }, failures: StepFailure[]): Partial<CommandEntry> {
  if (!failures.length) return {};
  const first = failures[0];
  // The recorded code has secret placeholder values masked; it has the same lines as the code run.
  const source = (req.recordedCode ?? req.code).split('\n')[first.line - 1]?.trim();
  // Code lines map to runbook lines through the block (transcripts and selections included).
  const numbers = codeLineNumbers(req.block);
  const line = numbers.length === req.code.replace(/\n$/, '').split('\n').length ? numbers[first.line - 1]?.line : undefined;
  return {
    failedSteps: failures.length,
    failedExitCode: first.exitCode,
    ...(line !== undefined ? { failedLine: line } : {}),
    ...(source ? { failedCommand: redactText(source.length > 200 ? `${source.slice(0, 199)}…` : source, { literals: req.secrets }).text } : {}),
  };
}
