/** An Executor that prints scripted output and ends as told, and keeps what it was given to run. */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CommandExecutor, CommandResult, ExecIO, OutputStream, ScopedRun } from '../../src/core/run';

export interface FakeScript {
  chunks?: { text: string; stream?: OutputStream }[];
  exitCode?: number;
  /** Written to the output file, as a real executor writes the redacted output. */
  fileText?: string;
}

export class FakeExecutor implements CommandExecutor {
  readonly kind = 'fake';
  readonly records = 'command' as const;
  readonly runs: { run: ScopedRun; io: ExecIO }[] = [];

  constructor(private readonly script: FakeScript = {}) {}

  async execute(run: ScopedRun, io: ExecIO): Promise<CommandResult> {
    this.runs.push({ run, io });
    for (const c of this.script.chunks ?? []) io.onData(c.text, c.stream ?? 'stdout');
    if (io.outputFile && this.script.fileText !== undefined) {
      await fs.mkdir(path.dirname(io.outputFile), { recursive: true });
      await fs.writeFile(io.outputFile, this.script.fileText, { mode: 0o600 });
    }
    const exitCode = this.script.exitCode ?? 0;
    return {
      kind: 'command',
      startedAt: new Date().toISOString(),
      exitCode,
      signal: null,
      durationMs: 5,
      status: exitCode === 0 ? 'ok' : 'failed',
      output: this.script.fileText ?? '',
      truncated: false,
      redactions: {},
      failed: {},
    };
  }
}
