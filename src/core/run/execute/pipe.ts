import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { runProcess } from '../../exec/runner';
import { prepareStepCheck, type StepFailure } from '../../exec/stepCheck';
import { failureFields, runStatus } from '../result';
import type { CommandExecutor, CommandResult, ExecIO, ScopedRun } from '../types';

export interface PipeOptions {
  /** Between SIGTERM and SIGKILL on stop or timeout. */
  killGraceMs?: number;
}

/** Runs the block as a child process (core/exec/runner.ts), output piped, cleaned and redacted. */
export function pipeExecutor(opts: PipeOptions = {}): CommandExecutor {
  return {
    kind: 'pipe',
    records: 'command',
    async execute(run: ScopedRun, io: ExecIO): Promise<CommandResult> {
      if (io.outputFile) await privateFile(io.outputFile);
      const steps = prepareStepCheck(run.code, run.shell, run.block.attributes);
      let failures: StepFailure[] = [];
      try {
        const result = await runProcess({
          command: steps.command,
          shell: run.shell,
          cwd: run.cwd,
          env: run.env,
          timeoutMs: run.timeoutMs,
          signal: run.request.signal,
          // Redacted by the runner with the recording's own gate when the pipeline takes it.
          onData: io.onLive ? undefined : io.onData,
          onLive: io.onLive,
          liveBackedUp: io.liveBackedUp,
          onRecorded: io.onRecorded,
          onProgress: io.onProgress,
          outputFile: io.outputFile,
          killGraceMs: opts.killGraceMs,
          secrets: run.secrets,
          // Safe choice for a block mixing such a command with others: its whole output is withheld.
          withholdOutput: run.secretCommands.length ? run.secretCommands : undefined,
        });
        failures = result.spawnError ? [] : steps.failures();
        const error = [result.spawnError, result.outputFileError, steps.uncheckedBecause].filter(Boolean).join('; ');
        return {
          kind: 'command',
          startedAt: result.startedAt,
          exitCode: result.exitCode,
          signal: result.signal,
          durationMs: result.durationMs,
          status: runStatus({ ...result, failedSteps: failures.length }),
          output: result.output,
          truncated: result.truncated,
          redactions: result.redactions,
          failed: failureFields(run, failures),
          ...(steps.checked || result.spawnError ? {} : { stepsChecked: false as const }),
          ...(error ? { error } : {}),
          ...(result.outputFileError ? { outputFileError: result.outputFileError } : {}),
          ...(result.spawnError ? { didNotStart: true } : {}),
        };
      } finally {
        steps.dispose();
      }
    },
  };
}

/**
 * The output file made owner-only before the runner opens it ('w' keeps the mode of a file that
 * exists): even redacted, an incident's output is nobody else's to read. A failure here is left
 * for the runner to report as the output file's error.
 */
async function privateFile(file: string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const handle = await fs.open(file, 'a', 0o600);
    await handle.close();
  } catch {
    // The runner says why the file cannot be written.
  }
}
