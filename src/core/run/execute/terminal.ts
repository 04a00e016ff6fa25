import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { cleanTerminalText } from '../../exec/ansi';
import { capOutput } from '../../exec/outputCap';
import { terminalCommand } from '../../exec/terminalCommand';
import { redactText } from '../../incident/redaction/redact';
import { SECRET_OUTPUT_KIND, withheldNote } from '../../incident/redaction/secretCommands';
import { failureFields, runStatus } from '../result';
import type { CommandExecutor, CommandResult, ExecIO, ScopedRun } from '../types';

/** What the editor's terminal reports about one command it ran. */
export interface TerminalRun {
  /** False when the terminal could not be observed (no shell integration): output and exit code unknown. */
  observed: boolean;
  /** What the terminal printed (raw: ANSI, secrets and all); recorded only cleaned and redacted. */
  raw: string;
  exitCode: number | null;
  /** Stopped (Ctrl-C sent) before it ended. */
  stopped: boolean;
  startedAt: Date;
  durationMs: number;
  /** Settles when the terminal closes: its scoped kubeconfig lives until then. */
  closed: Promise<void>;
}

/** The integrated terminal, as the editor driver supplies it. */
export interface TerminalHost {
  run(command: { commandLine: string; cwd: string; env: NodeJS.ProcessEnv; run: ScopedRun }): Promise<TerminalRun>;
}

export const NOT_CAPTURED = '(ran in the integrated terminal; output not captured because shell integration was unavailable)';

/**
 * Runs a block that needs a TTY in the terminal the host opens, in the block's cwd, and turns
 * what the host observed into the same result fields as a pipe run: the output cleaned and
 * redacted (or withheld), written to outputs/<id>.log with mode 0600, the failed command found.
 */
export function terminalExecutor(host: TerminalHost): CommandExecutor {
  return {
    kind: 'terminal',
    records: 'command',
    async execute(run: ScopedRun, io: ExecIO): Promise<CommandResult> {
      const typed = await terminalCommand(run.code, run.shell, run.block.attributes);
      let t: TerminalRun;
      try {
        t = await host.run({ commandLine: typed.commandLine, cwd: run.cwd, env: run.env, run });
      } catch (err) {
        await typed.dispose();
        throw err;
      }
      const failures = t.observed ? typed.failures() : [];
      // A script typed into a terminal that is not observed may still be running: removed when it closes.
      if (t.observed) await typed.dispose();
      else void t.closed.then(() => typed.dispose());
      const clean = run.secretCommands.length
        ? { text: withheldNote(Buffer.byteLength(t.raw), run.secretCommands), counts: { [SECRET_OUTPUT_KIND]: 1 } }
        : redactText(cleanTerminalText(t.raw), { literals: run.secrets });
      const outputFileError = t.observed && io.outputFile ? await writePrivate(io.outputFile, clean.text) : undefined;
      const capped = capOutput(clean.text);
      return {
        kind: 'command',
        startedAt: t.startedAt.toISOString(),
        exitCode: t.exitCode,
        signal: null,
        durationMs: t.durationMs,
        status: t.observed ? runStatus({ timedOut: false, cancelled: t.stopped, exitCode: t.exitCode, failedSteps: failures.length }) : 'unknown',
        output: t.observed ? capped.text : NOT_CAPTURED,
        truncated: t.observed && capped.truncated,
        redactions: t.observed ? clean.counts : {},
        failed: failureFields(run, failures),
        ...(t.observed && !typed.checked ? { stepsChecked: false as const } : {}),
        ...(outputFileError ? { error: outputFileError, outputFileError } : {}),
        terminal: true,
        holdScopeUntil: t.closed,
      };
    },
  };
}

/** Writes the output owner-only; the error text when it cannot. */
async function writePrivate(file: string, text: string): Promise<string | undefined> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text, { mode: 0o600 });
    await fs.chmod(file, 0o600);
    return undefined;
  } catch (err) {
    return `cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`;
  }
}
