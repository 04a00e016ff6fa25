import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { prepareStepCheck, type StepAttributes, type StepFailure } from './stepCheck';

export interface TerminalCommand {
  /** What to type into the terminal. */
  commandLine: string;
  /** False when failing commands are not reported one by one (a typed one-liner, or a shell without ERR traps). */
  checked: boolean;
  /** The commands that failed, once the script has ended. */
  failures(): StepFailure[];
  /** Removes the script, if one was written. */
  dispose(): Promise<void>;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * What to type into an interactive terminal for a block. A one-line block is typed as it is.
 * A longer one is written to a private script (0700 folder, 0600 file) and run by the shell:
 * typed line by line, shell integration would see several commands (and wait for the first one
 * only), and an `exit` in the block would close the user's terminal. The script reports each
 * failing command like a ▶ Run does (see stepCheck).
 */
export async function terminalCommand(code: string, shell: string, attributes: StepAttributes = {}): Promise<TerminalCommand> {
  const body = code.replace(/\n+$/, '');
  if (!body.includes('\n')) return { commandLine: body, checked: false, failures: () => [], dispose: async () => undefined };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runbook-lens-term-'));
  const file = path.join(dir, 'block.sh');
  const check = prepareStepCheck(body, shell, attributes);
  await fs.writeFile(file, `${check.command}\n`, { mode: 0o600 });
  return {
    commandLine: `${shell} ${quote(file)}`,
    checked: check.checked,
    failures: check.failures,
    dispose: async () => {
      check.dispose();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
