import * as path from 'node:path';
import type { RunbookBlock } from '../runbook/types';
import type { KubeTarget } from '../kube/types';
import type { Confirmation, RunResult, TimelineEntry } from '../incident/types';
import { mergeCounts, redactText } from '../incident/redaction/redact';
import { appendEntry, newEntryId } from '../incident/timeline';
import { outputFilePath, outputFileRel, TIMELINE_JSONL } from '../incident/incidentFiles';
import { runProcess, type OutputStream, type ProcessResult } from './runner';
import { runName } from '../runbook/runName';
import { secretCommands } from '../incident/redaction/secretCommands';
import { marker } from '../incident/redaction/spans';
import { PLACEHOLDER_KIND } from '../runbook/secretPlaceholders';
import { prepareStepCheck, type StepFailure } from './stepCheck';
import { exitText } from '../incident/entryText';
import { codeLineNumbers } from '../runbook/selectLines';
import { describeBlock } from '../runbook/blockLabel';

export interface RunRecordRequest {
  incidentDir: string;
  /** Absolute path of the runbook (relative `cwd` attributes resolve against its folder). */
  runbookPath: string;
  /** Workspace-relative path, as recorded in the timeline. */
  runbookRel: string;
  block: RunbookBlock;
  /** The code to run, placeholders already filled. */
  code: string;
  shell?: string;
  /** Default: the block's `cwd` attribute, else the runbook's folder. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  signal?: AbortSignal;
  target?: KubeTarget | null;
  confirmation?: Confirmation;
  actor?: string;
  onData?: (chunk: string, stream: OutputStream) => void;
  /** Called with the entry id before the process starts (its output goes to outputs/<id>.log). */
  onStart?: (entryId: string) => void;
  killGraceMs?: number;
  /** The code as recorded: secret placeholder values masked (see secretPlaceholders.ts). Default: `code`. */
  recordedCode?: string;
  /** Values typed for secret placeholders: masked wherever they appear in the recorded command and output. */
  secrets?: string[];
  /** More fields for the result entry, asked for when the block has ended (e.g. serviceCalls). */
  resultFields?: () => Partial<TimelineEntry>;
}

const PLACEHOLDER_MARKER = marker(PLACEHOLDER_KIND);
const countOf = (text: string, part: string): number => text.split(part).length - 1;

/**
 * The run could not be recorded. `phase: 'start'`: nothing ran. `phase: 'end'`: the block ran;
 * `entry` is what could not be written (its exit code, output file and failures).
 */
export class RunNotRecordedError extends Error {
  constructor(message: string, readonly phase: 'start' | 'end', readonly entry?: TimelineEntry) {
    super(message);
    this.name = 'RunNotRecordedError';
  }
}

/** Like Runme: relative to the runbook, so `> incident-logs.txt` lands beside it. */
export function blockCwd(runbookPath: string, block: Pick<RunbookBlock, 'attributes'>): string {
  return path.resolve(path.dirname(runbookPath), block.attributes.cwd ?? '.');
}

/** A block whose last command succeeded still failed when an earlier command did. */
export function runStatus(r: Pick<ProcessResult, 'timedOut' | 'cancelled' | 'exitCode'> & { failedSteps?: number }): RunResult {
  if (r.timedOut) return 'timeout';
  if (r.cancelled) return 'stopped';
  return r.exitCode === 0 && !r.failedSteps ? 'ok' : 'failed';
}

/** The entry fields naming the first failed command: its redacted source line and runbook line. */
export function failureFields(req: Pick<RunRecordRequest, 'code' | 'block' | 'recordedCode' | 'secrets'>, failures: StepFailure[]): Partial<TimelineEntry> {
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

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `title`: how views name the run (see runName.ts); redacted like the command. */
function titleOf(block: RunbookBlock): { title?: string } {
  const name = runName({ name: block.name, section: block.section, code: block.code });
  return name ? { title: redactText(name.text).text } : {};
}

/**
 * Runs a block and records it, write-ahead: a `started` entry before the process is spawned
 * (if that cannot be written nothing runs), then the result as a new entry whose `startedEntry`
 * names it. Entries are never rewritten, so a timeline merged by entry id keeps both; readers
 * show a started entry without a result as not finished. The full redacted output goes to
 * outputs/<id>.log. A run that cannot start is recorded too.
 */
export async function runAndRecord(req: RunRecordRequest): Promise<TimelineEntry> {
  const startId = newEntryId();
  const id = newEntryId();
  const command = redactText(req.recordedCode ?? req.code, { literals: req.secrets });
  const masked = countOf(req.recordedCode ?? req.code, PLACEHOLDER_MARKER) - countOf(req.code, PLACEHOLDER_MARKER);
  if (masked > 0) command.counts = mergeCounts(command.counts, { [PLACEHOLDER_KIND]: masked });
  const timeline = path.join(req.incidentDir, TIMELINE_JSONL);
  const common: Pick<TimelineEntry, 'kind'> & Partial<TimelineEntry> = {
    kind: 'command',
    ...(req.actor ? { actor: req.actor } : {}),
    runbook: req.runbookRel,
    block: req.block.index,
    line: req.block.line,
    section: req.block.section,
    ...titleOf(req.block),
    command: command.text,
    target: req.target ?? null,
    outputFile: outputFileRel(id),
    ...(req.confirmation ? { confirmation: { ...req.confirmation, destructive: req.confirmation.destructive.map((d) => redactText(d, { literals: req.secrets }).text) } } : {}),
    ...(req.block.selectedLines ? { lines: req.block.selectedLines, selection: true } : {}),
    ...(req.shell && req.shell !== 'bash' ? { shell: req.shell } : {}),
  };
  try {
    await appendEntry(req.incidentDir, { id: startId, time: new Date().toISOString(), ...common, status: 'started', redactions: command.counts });
  } catch (err) {
    throw new RunNotRecordedError(`${describeBlock(req.block)} did not run: its start could not be recorded in ${timeline}: ${message(err)}`, 'start');
  }
  // Safe choice for a block mixing such a command with others: its whole output is withheld.
  const printsSecrets = await secretCommands(req.code);
  const steps = prepareStepCheck(req.code, req.shell, req.block.attributes);
  req.onStart?.(id);
  let result: ProcessResult;
  let failures: StepFailure[];
  try {
    result = await runProcess({
      command: steps.command,
      shell: req.shell,
      cwd: req.cwd ?? blockCwd(req.runbookPath, req.block),
      env: req.env,
      timeoutMs: req.timeoutMs,
      signal: req.signal,
      onData: req.onData,
      outputFile: outputFilePath(req.incidentDir, id),
      killGraceMs: req.killGraceMs,
      secrets: req.secrets,
      withholdOutput: printsSecrets.length ? printsSecrets : undefined,
    });
    failures = result.spawnError ? [] : steps.failures();
  } finally {
    steps.dispose();
  }
  const error = [result.spawnError, result.outputFileError, steps.uncheckedBecause].filter(Boolean).join('; ');
  const failed = failureFields(req, failures);
  const entry: TimelineEntry = {
    id,
    time: result.startedAt,
    ...common,
    startedEntry: startId,
    exitCode: result.exitCode,
    signal: result.signal,
    durationMs: result.durationMs,
    status: runStatus({ ...result, failedSteps: failures.length }),
    ...failed,
    ...(steps.checked || result.spawnError ? {} : { stepsChecked: false }),
    output: result.output,
    truncated: result.truncated,
    redactions: mergeCounts(command.counts, result.redactions),
    ...(error ? { error } : {}),
    ...req.resultFields?.(),
  };
  try {
    await appendEntry(req.incidentDir, entry);
  } catch (err) {
    const output = result.outputFileError
      ? `its output could not be saved either (${result.outputFileError})`
      : `its full output is in ${outputFilePath(req.incidentDir, id)}`;
    const secs = (result.durationMs / 1000).toFixed(1);
    throw new RunNotRecordedError(
      `${describeBlock(req.block)} ran (${exitText(entry)} after ${secs} s) but its result could not be recorded in ${timeline}: ${message(err)}; ${output}`,
      'end', entry);
  }
  return entry;
}
