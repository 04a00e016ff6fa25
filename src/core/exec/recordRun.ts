import * as path from 'node:path';
import type { RunbookBlock } from '../runbook/types';
import type { KubeTarget } from '../kube/types';
import type { Confirmation, RunStatus, TimelineEntry } from '../incident/types';
import { mergeCounts, redactText } from '../incident/redaction/redact';
import { appendEntry, newEntryId } from '../incident/timeline';
import { outputFilePath, outputFileRel } from '../incident/incidentFiles';
import { runProcess, type OutputStream, type ProcessResult } from './runner';
import { runName } from '../runbook/runName';
import { secretCommands } from '../incident/redaction/secretCommands';
import { marker } from '../incident/redaction/spans';
import { PLACEHOLDER_KIND } from '../runbook/secretPlaceholders';

const PLACEHOLDER_MARKER = marker(PLACEHOLDER_KIND);
const countOf = (text: string, part: string): number => text.split(part).length - 1;

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
}

/** Like Runme: relative to the runbook, so `> incident-logs.txt` lands beside it. */
export function blockCwd(runbookPath: string, block: Pick<RunbookBlock, 'attributes'>): string {
  return path.resolve(path.dirname(runbookPath), block.attributes.cwd ?? '.');
}

export function runStatus(r: Pick<ProcessResult, 'timedOut' | 'cancelled' | 'exitCode'>): RunStatus {
  if (r.timedOut) return 'timeout';
  if (r.cancelled) return 'stopped';
  return r.exitCode === 0 ? 'ok' : 'failed';
}

/** `title`: how views name the run (see runName.ts); redacted like the command. */
function titleOf(block: RunbookBlock): { title?: string } {
  const name = runName({ name: block.name, section: block.section, code: block.code });
  return name ? { title: redactText(name.text).text } : {};
}

/**
 * Runs a block and records it: the full redacted output in outputs/<id>.log and a `command`
 * entry in the timeline. A run that cannot start is recorded too.
 */
export async function runAndRecord(req: RunRecordRequest): Promise<TimelineEntry> {
  const id = newEntryId();
  req.onStart?.(id);
  const command = redactText(req.recordedCode ?? req.code, { literals: req.secrets });
  const masked = countOf(req.recordedCode ?? req.code, PLACEHOLDER_MARKER) - countOf(req.code, PLACEHOLDER_MARKER);
  if (masked > 0) command.counts = mergeCounts(command.counts, { [PLACEHOLDER_KIND]: masked });
  // Safe choice for a block mixing such a command with others: its whole output is withheld.
  const printsSecrets = await secretCommands(req.code);
  const result = await runProcess({
    command: req.code,
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
  const error = [result.spawnError, result.outputFileError].filter(Boolean).join('; ');
  const entry: TimelineEntry = {
    id,
    time: result.startedAt,
    kind: 'command',
    ...(req.actor ? { actor: req.actor } : {}),
    runbook: req.runbookRel,
    block: req.block.index,
    line: req.block.line,
    section: req.block.section,
    ...titleOf(req.block),
    command: command.text,
    target: req.target ?? null,
    exitCode: result.exitCode,
    signal: result.signal,
    durationMs: result.durationMs,
    status: runStatus(result),
    output: result.output,
    outputFile: outputFileRel(id),
    truncated: result.truncated,
    redactions: mergeCounts(command.counts, result.redactions),
    ...(req.confirmation ? { confirmation: { ...req.confirmation, destructive: req.confirmation.destructive.map((d) => redactText(d, { literals: req.secrets }).text) } } : {}),
    ...(req.block.selectedLines ? { lines: req.block.selectedLines, selection: true } : {}),
    ...(req.shell && req.shell !== 'bash' ? { shell: req.shell } : {}),
    ...(error ? { error } : {}),
  };
  await appendEntry(req.incidentDir, entry);
  return entry;
}
