import * as os from 'node:os';
import * as path from 'node:path';
import { parseRunbook } from '../../core/runbook/parse';
import { selectBlockLines } from '../../core/runbook/selectLines';
import { linesText } from '../../core/runbook/blockLabel';
import type { RunbookBlock } from '../../core/runbook/types';
import { fillWithSecrets } from '../../core/runbook/secretPlaceholders';
import { runAndRecord, RunNotRecordedError } from '../../core/exec/recordRun';
import { effectiveTimeoutMs } from '../../core/exec/timeout';
import { needsTerminal } from '../../core/exec/needsTty';
import { ensureIncidentDir } from '../../core/incident/incidentStore';
import { TIMELINE_JSONL } from '../../core/incident/incidentFiles';
import type { TimelineEntry } from '../../core/incident/types';
import { exitText } from '../../core/incident/entryText';
import { parseCommandArgs, parseKeyValues, parseSecondsFlag, UsageError, withUsageErrors } from '../args';
import { readInputFile } from '../inputFile';
import { actorName } from '../actor';
import { selectBlock } from '../selectBlock';
import { scopedRunEnv, targetFromFlags, targetHelp, targetOptions } from '../kubeTarget';
import { promqlHelp, promqlOptions, runPromqlBlock } from '../promqlBlock';
import { guardHelp, guardOptions, guardRun, REFUSED_EXIT } from '../guardRun';
import { readCliSafety } from '../safetySettings';
import { serviceProxyWanted } from '../../core/runbook/attributes';

export const help = `Usage: runbook-lens run FILE (--block N | --name NAME) --incident DIR
                        [--lines A-B] [--var KEY=VALUE]... [--timeout SECONDS] [--shell SHELL] [--yes]
                        [--confirm-context NAME] [--context NAME] [--namespace NS] [--kubeconfig PATH]

Run one shell block of a Markdown runbook without a TTY, stream its output to stdout and
stderr, and append the run to the incident timeline in DIR (created if needed): a line in
DIR/timeline.jsonl, a block in DIR/timeline.md and the full redacted output in
DIR/outputs/<entry-id>.log.

Options:
  --block N          The N-th runnable block (1-based, as listed by 'runbook-lens blocks').
  --name NAME        The block whose info string says name=NAME.
  --incident DIR     Incident folder to record in; created with an incident.json if missing.
  --lines A-B        Run only runbook lines A to B of the block (whole lines, inside it), as
                     Run Selection does; the entry records lines [A', B'] and selection: true.
  --var KEY=VALUE    Value for placeholder <KEY>; repeat for each placeholder. Values of
                     placeholders named like a secret (password, token, key…) and values
                     that look like a credential are recorded as [REDACTED:placeholder].
  --timeout SECONDS  Stop the block after this long (also 90s, 5m); 0 for none.
                     Default: the block's timeout attribute, else none.
  --shell SHELL      Shell that runs the block with -c (default bash).
${guardHelp}
${targetHelp}
${promqlHelp}
  -h, --help         Show this help.

Exit status: the block's exit status; 124 when it timed out; 130 when interrupted;
127 when the shell could not start; 128+N when killed by signal N; 2 for bad arguments,
an unreadable file or an unfilled placeholder; 3 when the block was refused (destructive
without --yes/--confirm-context, a deny rule, hidden Unicode): then nothing ran; 4 when the run
could not be recorded (e.g. a full disk): the message says whether the block ran and how it ended.

With bash, every command that fails is recorded (an ERR trap), not only the last one: a block
whose last command succeeded after an earlier one failed is recorded as failed and exits 1.
Info-string attributes errexit=true (stop at the first failure, with pipefail) and pipefail=true.`;

/** Flags of `run`. Other features add theirs here (target, confirmation, Prometheus). */
export const runOptions = {
  block: { type: 'string' },
  name: { type: 'string' },
  incident: { type: 'string' },
  lines: { type: 'string' },
  var: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  shell: { type: 'string' },
  yes: { type: 'boolean' },
  ...guardOptions,
  ...targetOptions,
  ...promqlOptions,
} as const;

/** Workspace-relative when the runbook is under the current folder, else absolute. */
function runbookRelative(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/**
 * Streams to our stdout/stderr, and goes quiet if the reader goes away (`| head`): the block
 * keeps running and is still recorded.
 */
function liveWriter(stream: NodeJS.WriteStream): { write(chunk: string): void } {
  let open = true;
  stream.on('error', () => { open = false; });
  return { write: (chunk) => { if (open) stream.write(chunk); } };
}

/** The run could not be recorded (start or end). */
export const NOT_RECORDED_EXIT = 4;

export function exitStatusFor(entry: TimelineEntry): number {
  if (entry.status === 'timeout') return 124;
  if (entry.status === 'stopped') return 130;
  // The shell returned 0, but a command before the last one failed.
  if (entry.exitCode === 0 && entry.status === 'failed') return 1;
  if (typeof entry.exitCode === 'number') return entry.exitCode;
  if (entry.signal) return 128 + (os.constants.signals[entry.signal as NodeJS.Signals] ?? 0);
  return 127;
}

function summary(entry: TimelineEntry, dir: string): string {
  const secs = ((entry.durationMs ?? 0) / 1000).toFixed(1);
  const result = exitText(entry);
  const range = entry.lines ? ` ${linesText(entry.lines)}` : '';
  const lines = [`runbook-lens run: block ${entry.block}${range} ${result}${result === 'did not start' ? '' : ` after ${secs} s`}; recorded as ${entry.id} in ${path.join(dir, TIMELINE_JSONL)}`];
  if (entry.failedCommand !== undefined) {
    lines.push(`runbook-lens run: first failed command${entry.failedLine !== undefined ? ` (line ${entry.failedLine})` : ''}: ${entry.failedCommand} → exit ${entry.failedExitCode}`);
  }
  if (entry.stepsChecked === false) lines.push(`runbook-lens run: ${entry.shell ?? 'this shell'} has no ERR trap: only the last command's exit code is known`);
  // Why it did not start (a missing shell or cwd, a command too long for exec), or why the output was not saved.
  if (entry.error) lines.push(`runbook-lens run: ${entry.error}`);
  return lines.join('\n') + '\n';
}

/** `--lines 12-14` (or `12`): those runbook lines of the block, or a usage error saying why not. */
function selectLines(block: RunbookBlock, flag: string): RunbookBlock {
  const m = /^(\d+)(?:-(\d+))?$/.exec(flag.trim());
  if (!m) throw new UsageError(`--lines must be A-B (runbook line numbers, e.g. 12-14), not '${flag}'`);
  const picked = selectBlockLines(block, Number(m[1]), Number(m[2] ?? m[1]));
  if (!picked.ok) throw new UsageError(`--lines ${flag}: ${picked.error}`);
  return picked.block;
}

export async function run(argv: string[]): Promise<number> {
  return withUsageErrors('run', async () => {
    const { values, positionals } = parseCommandArgs(argv, runOptions, { min: 1, max: 1, names: 'FILE (the runbook)' });
    const vars = parseKeyValues(values.var, '--var');
    const timeoutSeconds = values.timeout !== undefined ? parseSecondsFlag(values.timeout, '--timeout') : undefined;
    const file = positionals[0];
    const runbook = parseRunbook(await readInputFile(file));
    const chosen = selectBlock(runbook, file, values);
    const block = values.lines === undefined ? chosen : selectLines(chosen, values.lines);
    if (block.kind === 'promql') {
      const flags = { prometheus: values.prometheus, incident: values.incident, timeoutSeconds, serviceProxy: !values['no-service-proxy'] && serviceProxyWanted(block.attributes) };
      return runPromqlBlock(block, file, vars, flags, targetFromFlags(values), actorName(), runbookRelative(path.resolve(file)));
    }
    if (!values.incident) throw new UsageError('missing --incident DIR (the incident folder to record in)');
    if (block.kind !== 'shell') throw new UsageError(`block ${block.index} of ${file} is a ${block.lang} query, not a shell block`);
    const filled = fillWithSecrets(block, vars);
    if (filled.missing.length) {
      const names = filled.missing.map((n) => `<${n}>`).join(', ');
      const flags = filled.missing.map((n) => `--var ${n}=VALUE`).join(' ');
      throw new UsageError(`block ${block.index} has unfilled placeholder${filled.missing.length > 1 ? 's' : ''} ${names}; pass ${flags}`);
    }
    const kube = targetFromFlags(values);
    const guard = await guardRun(block, filled.code, kube?.target ?? null, { yes: values.yes, confirmContext: values['confirm-context'] }, readCliSafety(file));
    if (!guard.ok) {
      process.stderr.write(guard.message);
      return REFUSED_EXIT;
    }
    let incidentDir: string;
    try {
      incidentDir = (await ensureIncidentDir(values.incident, { title: path.basename(path.resolve(values.incident)) })).dir;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (needsTerminal(block)) {
      process.stderr.write(`runbook-lens run: block ${block.index} asks for a terminal; running it without a TTY\n`);
    }
    const confirmation = guard.confirmation;
    const timeoutMs = timeoutSeconds !== undefined
      ? (timeoutSeconds > 0 ? Math.round(timeoutSeconds * 1000) : undefined)
      : effectiveTimeoutMs(block.attributes.timeout, 0);

    const live = { stdout: liveWriter(process.stdout), stderr: liveWriter(process.stderr) };
    // Ctrl-C reaches only this process (the block has its own process group): stop the block and record it.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const scoped = await scopedRunEnv(kube, { serviceProxy: !values['no-service-proxy'] && serviceProxyWanted(block.attributes) });
    try {
      const runbookPath = path.resolve(file);
      const entry = await runAndRecord({
        incidentDir,
        runbookPath,
        runbookRel: runbookRelative(runbookPath),
        block,
        code: filled.code,
        recordedCode: filled.recordedCode,
        secrets: filled.secrets,
        shell: values.shell,
        timeoutMs,
        signal: stop.signal,
        env: scoped.env,
        target: kube?.target ?? null,
        confirmation,
        actor: actorName(),
        onData: (chunk, stream) => live[stream].write(chunk),
        resultFields: scoped.entryFields,
      });
      for (const note of scoped.notes()) process.stderr.write(`runbook-lens run: ${note}\n`);
      process.stderr.write(summary(entry, incidentDir));
      return exitStatusFor(entry);
    } catch (err) {
      if (!(err instanceof RunNotRecordedError)) throw err;
      const live = err.phase === 'end' ? ' (what it printed is above)' : '';
      process.stderr.write(`runbook-lens run: ${err.message}${live}\n`);
      return NOT_RECORDED_EXIT;
    } finally {
      await scoped.dispose();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}
