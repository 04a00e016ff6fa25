import type { RunbookBlock } from '../runbook/types';
import type { KubeTarget } from '../kube/types';
import type { Confirmation, TimelineEntry } from '../incident/types';
import { outputFilePath } from '../incident/incidentFiles';
import { newEntryId } from '../incident/timeline';
import { secretCommands } from '../incident/redaction/secretCommands';
import type { OutputStream } from '../exec/runner';
import { pipeExecutor } from './execute/pipe';
import { blockCwd } from './prepare';
import { recordResult, recordStart, type CommandRecord } from './record';
import type { ExecIO, PreparedRun } from './types';

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
  /** Raw output as it arrives (not redacted: benches and tests only; runs use runPipeline's redacted sink). */
  onData?: (chunk: string, stream: OutputStream) => void;
  /** The output as recorded (redacted once), and progress: see RunProcessOptions. */
  onRecorded?: ExecIO['onRecorded'];
  onProgress?: ExecIO['onProgress'];
  /** Called with the entry id before the process starts (its output goes to outputs/<id>.log). */
  onStart?: (entryId: string) => void;
  killGraceMs?: number;
  /** The code as recorded: secret placeholder values masked (see secretPlaceholders.ts). Default: `code`. */
  recordedCode?: string;
  /** Values typed for secret placeholders: masked wherever they appear in the recorded command and output. */
  secrets?: string[];
}

/**
 * Runs code its caller has already filled and allowed, and records it through the pipeline's
 * recorder (write-ahead `started` entry, then the result). For benches and tests of the recorder;
 * every run of the product goes through runPipeline, which also asks, guards and scopes.
 */
export async function runAndRecord(req: RunRecordRequest): Promise<TimelineEntry> {
  const code = req.code;
  const run: PreparedRun = {
    request: { runbookPath: req.runbookPath, runbookRel: req.runbookRel, block: req.block, incidentDir: req.incidentDir, actor: req.actor, signal: req.signal, shell: req.shell },
    block: req.block,
    kind: 'shell',
    code,
    recordedCode: req.recordedCode ?? code,
    secrets: req.secrets ?? [],
    values: {},
    target: req.target ?? null,
    guardTarget: req.target ?? null,
    assessment: { destructive: [], denied: [], uncertain: [], hiddenUnicode: [] },
    decision: { action: 'run', reasons: [] },
    secretCommands: await secretCommands(code),
    timeoutMs: req.timeoutMs,
    cwd: req.cwd ?? blockCwd(req.runbookPath, req.block),
    shell: req.shell || 'bash',
  };
  const rec: CommandRecord = { startId: newEntryId(), id: newEntryId(), incidentDir: req.incidentDir, terminal: false, confirmation: req.confirmation };
  await recordStart(run, rec);
  req.onStart?.(rec.id);
  const result = await pipeExecutor({ killGraceMs: req.killGraceMs }).execute(
    { ...run, env: req.env ?? process.env },
    { entryId: rec.id, outputFile: outputFilePath(req.incidentDir, rec.id), onData: req.onData ?? (() => undefined), onRecorded: req.onRecorded, onProgress: req.onProgress },
  );
  return recordResult(run, rec, result);
}
