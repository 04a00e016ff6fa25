/**
 * The one recorder: every command and query entry of the timeline is built and appended here.
 * Commands are written ahead: a `started` entry before the process is spawned (if that cannot
 * be written nothing runs), then the result as a new entry whose `startedEntry` names it.
 * Entries are never rewritten, so a timeline merged by entry id keeps both.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CommandEntry, TimelineEntry } from '../incident/types';
import { mergeCounts, redactText } from '../incident/redaction/redact';
import { appendEntry } from '../incident/timeline';
import { outputFilePath, outputFileRel, TIMELINE_JSONL } from '../incident/incidentFiles';
import { marker } from '../incident/redaction/spans';
import { PLACEHOLDER_KIND } from '../runbook/secretPlaceholders';
import { runName } from '../runbook/runName';
import { describeBlock } from '../runbook/blockLabel';
import { exitText } from '../incident/entryText';
import { formatPromDuration } from '../integrations/promDuration';
import { outcomeSummary, queryOutputDocument, type PromqlOutcome } from '../integrations/promqlRun';
import { seriesCount } from '../integrations/queryResult';
import type { RunStatus } from '../incident/types';
import type { CommandResult, PreparedRun } from './types';

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

const PLACEHOLDER_MARKER = marker(PLACEHOLDER_KIND);
const countOf = (text: string, part: string): number => text.split(part).length - 1;
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The recorded command: redacted, secret placeholder values counted as masked. */
function recordedCommand(run: PreparedRun): { text: string; counts: Record<string, number> } {
  const command = redactText(run.recordedCode, { literals: run.secrets });
  const masked = countOf(run.recordedCode, PLACEHOLDER_MARKER) - countOf(run.code, PLACEHOLDER_MARKER);
  return masked > 0 ? { text: command.text, counts: mergeCounts(command.counts, { [PLACEHOLDER_KIND]: masked }) } : command;
}

/** `title`: how views name the run (see runName.ts); redacted like the command. */
function titleOf(run: PreparedRun): { title?: string } {
  const name = runName({ name: run.block.name, section: run.block.section, code: run.block.code });
  return name ? { title: redactText(name.text, { literals: run.secrets }).text } : {};
}

/** A name, never an empty string (an empty actor reads as someone unknown). */
function actorOf(run: PreparedRun): { actor?: string } {
  const actor = run.request.actor?.trim();
  return actor ? { actor } : {};
}

/** The fields every entry of a run has, whatever ran it. */
function commonFields<K extends 'command' | 'query'>(run: PreparedRun, kind: K, id: string, command: string): Omit<CommandEntry, 'id' | 'time' | 'kind'> & { kind: K } {
  return {
    kind,
    ...actorOf(run),
    runbook: run.request.runbookRel,
    block: run.block.index,
    line: run.block.line,
    section: run.block.section,
    ...titleOf(run),
    command,
    target: run.target,
    outputFile: outputFileRel(id),
  };
}

/** A command's fields, the same for a pipe and a terminal run. */
function commandFields(run: PreparedRun, id: string, terminal: boolean, confirmation: TimelineEntry['confirmation']): Omit<CommandEntry, 'id' | 'time'> {
  return {
    ...commonFields(run, 'command', id, recordedCommand(run).text),
    ...(confirmation ? { confirmation: { ...confirmation, destructive: confirmation.destructive.map((d) => redactText(d, { literals: run.secrets }).text) } } : {}),
    ...(run.block.selectedLines ? { lines: run.block.selectedLines, selection: true } : {}),
    ...(run.shell !== 'bash' ? { shell: run.shell } : {}),
    ...(terminal ? { terminal: true } : {}),
  };
}

export interface CommandRecord {
  startId: string;
  id: string;
  incidentDir: string;
  terminal: boolean;
  confirmation?: TimelineEntry['confirmation'];
}

/** The write-ahead `started` entry; RunNotRecordedError('start') when it cannot be written: then nothing may run. */
export async function recordStart(run: PreparedRun, rec: CommandRecord): Promise<TimelineEntry> {
  const entry: TimelineEntry = {
    id: rec.startId,
    time: new Date().toISOString(),
    ...commandFields(run, rec.id, rec.terminal, rec.confirmation),
    status: 'started',
    redactions: recordedCommand(run).counts,
  };
  try {
    await appendEntry(rec.incidentDir, entry);
  } catch (err) {
    throw new RunNotRecordedError(`${describeBlock(run.block)} did not run: its start could not be recorded in ${path.join(rec.incidentDir, TIMELINE_JSONL)}: ${message(err)}`, 'start');
  }
  return entry;
}

/** The result entry of a command run (pipe or terminal): one builder, so both record the same fields. */
export function commandResultEntry(run: PreparedRun, rec: CommandRecord, r: CommandResult, scopeFields: Partial<CommandEntry> = {}): TimelineEntry {
  return {
    id: rec.id,
    time: r.startedAt,
    ...commandFields(run, rec.id, rec.terminal, rec.confirmation),
    startedEntry: rec.startId,
    exitCode: r.exitCode,
    signal: r.signal,
    durationMs: r.durationMs,
    status: r.status,
    ...r.failed,
    ...(r.stepsChecked === false ? { stepsChecked: false } : {}),
    output: r.output,
    truncated: r.truncated,
    redactions: mergeCounts(recordedCommand(run).counts, r.redactions),
    ...(r.error ? { error: r.error } : {}),
    ...scopeFields,
  };
}

/** Appends the result; RunNotRecordedError('end') says how the block ended and where its output is. */
export async function recordResult(run: PreparedRun, rec: CommandRecord, r: CommandResult, scopeFields?: Partial<CommandEntry>): Promise<TimelineEntry> {
  const entry = commandResultEntry(run, rec, r, scopeFields);
  try {
    await appendEntry(rec.incidentDir, entry);
  } catch (err) {
    const file = outputFilePath(rec.incidentDir, rec.id);
    const output = r.outputFileError
      ? `its output could not be saved either (${r.outputFileError})`
      : `its full output is in ${file}`;
    const secs = (r.durationMs / 1000).toFixed(1);
    throw new RunNotRecordedError(
      `${describeBlock(run.block)} ran (${exitText(entry)} after ${secs} s) but its result could not be recorded in ${path.join(rec.incidentDir, TIMELINE_JSONL)}: ${message(err)}; ${output}`,
      'end', entry);
  }
  return entry;
}

/**
 * A `query` entry (query and summary redacted), with the full result JSON, redacted, in
 * outputs/<id>.log (mode 0600). Failed queries are recorded too, with their error.
 */
export async function recordQuery(run: PreparedRun, incidentDir: string, id: string, o: PromqlOutcome): Promise<TimelineEntry> {
  const literals = { literals: run.secrets };
  const command = redactText(o.query, literals);
  const summary = redactText(outcomeSummary(o), literals);
  const full = redactText(JSON.stringify(queryOutputDocument(o), null, 2) + '\n', literals);
  const file = outputFilePath(incidentDir, id);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, full.text, { mode: 0o600 });
  const status: RunStatus = o.error ? (o.errorKind === 'timeout' ? 'timeout' : 'failed') : 'ok';
  const entry: TimelineEntry = {
    id,
    time: o.startedAt.toISOString(),
    ...commonFields(run, 'query', id, command.text),
    // Queries have no process; 0/1 keeps them comparable with commands in reports.
    exitCode: o.error ? 1 : 0,
    status,
    durationMs: o.durationMs,
    output: summary.text,
    redactions: mergeCounts(mergeCounts(command.counts, summary.counts), full.counts),
    prometheus: o.prometheusUrl,
    ...(o.prometheusService ? { prometheusService: o.prometheusService } : {}),
    ...(o.serviceCalls?.length ? { serviceCalls: o.serviceCalls } : {}),
    queryMode: o.spec?.mode ?? 'instant',
    ...(o.spec?.mode === 'range' ? { range: formatPromDuration(o.spec.rangeMs), step: formatPromDuration(o.spec.stepMs) } : {}),
    ...(o.response ? { series: seriesCount(o.response.data) } : {}),
    ...(o.error ? { error: redactText(o.error, literals).text } : {}),
  };
  await appendEntry(incidentDir, entry);
  return entry;
}
