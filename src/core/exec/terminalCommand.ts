import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TerminalCommand {
  /** What to type into the terminal. */
  commandLine: string;
  /** Removes the script, if one was written. */
  dispose(): Promise<void>;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * What to type into an interactive terminal for a block. A one-line block is typed as it is.
 * A longer one is written to a private script (0700 folder, 0600 file) and run by the shell:
 * typed line by line, shell integration would see several commands (and wait for the first one
 * only), and an `exit` in the block would close the user's terminal.
 */
export async function terminalCommand(code: string, shell: string): Promise<TerminalCommand> {
  const body = code.replace(/\n+$/, '');
  if (!body.includes('\n')) return { commandLine: body, dispose: async () => undefined };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runbook-lens-term-'));
  const file = path.join(dir, 'block.sh');
  await fs.writeFile(file, `${body}\n`, { mode: 0o600 });
  return { commandLine: `${shell} ${quote(file)}`, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
}
