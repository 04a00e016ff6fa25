import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { mergeCounts, redactText } from '../incident/redaction/redact';
import { SECRET_OUTPUT_KIND, withheldNote } from '../incident/redaction/secretCommands';
import { DEFAULT_CAP_BYTES, HeadTailCapture } from './outputCap';
import { createOutputCleaner, type CleanPiece } from './outputCleaner';
import { groupAlive, signalGroup } from './processGroup';

export type OutputStream = 'stdout' | 'stderr';

export interface RunProcessOptions {
  command: string;
  /** Shell that runs `-c command`; default bash. */
  shell?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** End the whole process group after this many ms (0 or undefined: no timeout). */
  timeoutMs?: number;
  /** Stop: ends the whole process group. */
  signal?: AbortSignal;
  /** Raw output as it arrives (ANSI and secrets included: for a live view only). */
  onData?: (chunk: string, stream: OutputStream) => void;
  /**
   * The output as recorded (ANSI stripped, redacted: what goes to `outputFile`), whole lines as
   * they are cleaned; Buffers hold ASCII text. The cheap live view: no second redaction, and
   * most of the output is never decoded. Withheld output is not passed, only the note about it.
   */
  onRecorded?: (chunk: CleanPiece, stream: OutputStream | 'note') => void;
  /**
   * The raw output redacted (ANSI kept, whole lines): the live view of a terminal, with no second
   * gate over plain lines (they come as the same Buffers as onRecorded's). Withheld output is
   * not passed.
   */
  onLive?: (chunk: CleanPiece, stream: OutputStream) => void;
  /**
   * True when the live view cannot take more yet (a slow reader of the CLI's stdout); it calls
   * `resume` once it can. The child is paused meanwhile, as for a backed-up output file, so
   * unread output never piles up in memory.
   */
  liveBackedUp?: (resume: () => void) => boolean;
  /** Bytes recorded so far and time since the start, at most every `progressEveryMs` (default 250). */
  onProgress?: (progress: RunProgress) => void;
  progressEveryMs?: number;
  /** The full cleaned (ANSI stripped, redacted) output is streamed here. */
  outputFile?: string;
  /** Size of the head + tail kept in `output`. */
  capBytes?: number;
  /** Between SIGTERM and SIGKILL on stop or timeout. */
  killGraceMs?: number;
  /** After the shell exits, how long to keep reading from background processes that hold its output open. */
  drainMs?: number;
  /** Exact values masked wherever they appear in the output (secret placeholder values). */
  secrets?: string[];
  /**
   * The block runs these commands, which print secret material (`oc whoami -t`): its output is
   * withheld from `output` and `outputFile` entirely (a note says how much); the live view still gets it.
   */
  withholdOutput?: string[];
}

export interface RunProgress {
  /** Bytes of cleaned output so far. */
  bytes: number;
  elapsedMs: number;
}

export interface ProcessResult {
  /** null when the shell was killed by a signal or never started. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  startedAt: string;
  /** Capped head + tail, ANSI stripped, redacted. */
  output: string;
  truncated: boolean;
  redactions: Record<string, number>;
  /** Bytes of cleaned output (what went to `outputFile`). */
  outputBytes: number;
  /** Set when the shell could not be started. */
  spawnError?: string;
  /** Set when the output file could not be written (the capped output is still returned). */
  outputFileError?: string;
}

export const DEFAULT_KILL_GRACE_MS = 3000;
const DEFAULT_DRAIN_MS = 2000;
const DRAIN_IDLE_MS = 300;
/** setTimeout fires at once for longer delays: cap them (about 24 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Where cleaned output goes: the bounded capture and the optional file, with backpressure. */
class OutputSink {
  readonly capture: HeadTailCapture;
  bytes = 0;
  fileError?: string;
  private file?: fs.WriteStream;
  private onDrain: (() => void)[] = [];
  private closed = false;

  constructor(capBytes: number, outputFile: string | undefined) {
    this.capture = new HeadTailCapture(capBytes);
    if (!outputFile) return;
    try {
      fs.mkdirSync(path.dirname(outputFile), { recursive: true });
      // A pipe read is 64 KiB; the default 16 KiB mark would pause the child after every read.
      this.file = fs.createWriteStream(outputFile, { flags: 'w', highWaterMark: 1024 * 1024 });
      this.file.on('error', (err) => {
        this.fileError = `cannot write ${outputFile}: ${err.message}`;
        this.file = undefined;
        this.drained();
      });
      this.file.on('drain', () => this.drained());
    } catch (err) {
      this.fileError = `cannot write ${outputFile}: ${(err as Error).message}`;
    }
  }

  /** Returns false when the file is backed up; `whenDrained` then fires once it has caught up. */
  write(piece: CleanPiece): boolean {
    if (!piece.length || this.closed) return true;
    if (typeof piece === 'string') {
      this.bytes += Buffer.byteLength(piece, 'utf8');
      this.capture.push(piece);
    } else {
      this.bytes += piece.length;
      this.capture.pushAscii(piece);
    }
    return this.file ? this.file.write(piece) : true;
  }

  whenDrained(fn: () => void): void {
    this.onDrain.push(fn);
  }

  private drained(): void {
    const fns = this.onDrain;
    this.onDrain = [];
    for (const fn of fns) fn();
  }

  close(): Promise<void> {
    this.closed = true;
    const file = this.file;
    if (!file) return Promise.resolve();
    return new Promise((resolve) => file.end(() => resolve()));
  }
}

/** A failing live view must not cost the record of the run. */
function guarded<A extends unknown[]>(fn: ((...args: A) => void) | undefined): ((...args: A) => void) | undefined {
  return fn && ((...args: A) => {
    try {
      fn(...args);
    } catch {
      // ignored: the output is still captured and recorded
    }
  });
}

/** The raw live view of one stream: decoded as it arrives. */
function rawRelay(stream: OutputStream, onData: ((chunk: string, s: OutputStream) => void) | undefined) {
  if (!onData) return { push() {}, end() {} };
  const decoder = new StringDecoder('utf8');
  return {
    push(buf: Buffer) {
      const raw = decoder.write(buf);
      if (raw) onData(raw, stream);
    },
    end() {
      const raw = decoder.end();
      if (raw) onData(raw, stream);
    },
  };
}

/** Why the shell could not start, in words: E2BIG alone does not say the block is too long. */
function startError(shell: string, err: Error, command: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'E2BIG') {
    const kib = Math.ceil(Buffer.byteLength(command, 'utf8') / 1024);
    return `cannot start ${shell}: the code (${kib} KiB) is too long to pass to ${shell} -c (the kernel allows 128 KiB for one argument) (${err.message})`;
  }
  if (code === 'ENOENT') return `cannot start ${shell}: no such program (${err.message})`;
  return `cannot start ${shell}: ${err.message}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Runs `shell -c command` with stdin closed, in its own process group. Stop and timeout end
 * the whole group (SIGTERM, then SIGKILL after a grace period). Never rejects: a command that
 * cannot start resolves with `spawnError`.
 */
export async function runProcess(opts: RunProcessOptions): Promise<ProcessResult> {
  const shell = opts.shell || 'bash';
  const started = new Date();
  const t0 = performance.now();
  const sink = new OutputSink(opts.capBytes ?? DEFAULT_CAP_BYTES, opts.outputFile);
  const grace = opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS;

  const finish = async (extra: Partial<ProcessResult>, counts: Record<string, number> = {}): Promise<ProcessResult> => {
    await sink.close();
    const captured = sink.capture.result();
    return {
      exitCode: null,
      signal: null,
      timedOut: false,
      cancelled: false,
      durationMs: Math.round(performance.now() - t0),
      startedAt: started.toISOString(),
      output: captured.text,
      truncated: captured.truncated,
      redactions: counts,
      outputBytes: sink.bytes,
      ...extra,
      ...(sink.fileError ? { outputFileError: sink.fileError } : {}),
    };
  };
  const failToStart = (message: string) => {
    const note = redactText(`runbook-lens: ${message}\n`);
    sink.write(note.text);
    return finish({ spawnError: message }, note.counts);
  };

  if (opts.signal?.aborted) return finish({ cancelled: true });
  if (opts.cwd && !isDirectory(opts.cwd)) return failToStart(`working directory does not exist: ${opts.cwd}`);

  let child: ChildProcess;
  try {
    child = spawn(shell, ['-c', opts.command], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
  } catch (err) {
    return failToStart(startError(shell, err as Error, opts.command));
  }

  return new Promise<ProcessResult>((resolve) => {
    const onLive = guarded(opts.onLive);
    // Withheld output reaches no live view.
    const liveOf = (stream: OutputStream) => (onLive && !opts.withholdOutput ? (piece: CleanPiece) => onLive(piece, stream) : undefined);
    const out = createOutputCleaner(opts.secrets, liveOf('stdout'));
    const err = createOutputCleaner(opts.secrets, liveOf('stderr'));
    const onData = guarded(opts.onData);
    const onRecorded = guarded(opts.onRecorded);
    const onProgress = guarded(opts.onProgress);
    const rawOut = rawRelay('stdout', onData);
    const rawErr = rawRelay('stderr', onData);
    const progressEvery = opts.progressEveryMs ?? 250;
    let progressAt = t0;
    const streams = [child.stdout!, child.stderr!];
    let open = streams.length;
    let exit: { code: number | null; signal: string | null; ms: number } | undefined;
    let spawnError: string | undefined;
    let timedOut = false;
    let cancelled = false;
    let killRequested = false;
    let killAt = 0;
    let abandoned = false;
    let sigkillTimer: NodeJS.Timeout | undefined;
    let sigkillSent = false;
    let lastData = performance.now();
    // The child is paused while the output file or the live view is behind.
    let holds = 0;
    const hold = () => {
      if (holds++ === 0) for (const s of streams) s.pause();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holds > 0) return;
        lastData = performance.now();
        for (const s of streams) s.resume();
      };
    };
    let drainTimer: NodeJS.Timeout | undefined;
    let done = false;

    let withheld = 0;
    let fileHeld = false;
    const write = (text: CleanPiece) => {
      if (sink.write(text) || fileHeld) return;
      fileHeld = true;
      const release = hold();
      sink.whenDrained(() => { fileHeld = false; release(); });
    };
    let liveHeld = false;
    const liveBehind = () => {
      if (liveHeld || !opts.liveBackedUp) return;
      let release: (() => void) | undefined;
      let resumed = false;
      const behind = opts.liveBackedUp(() => { resumed = true; liveHeld = false; release?.(); });
      if (behind && !resumed) {
        liveHeld = true;
        release = hold();
      }
    };

    const sigkill = () => {
      sigkillSent = true;
      if (child.pid) signalGroup(child.pid, 'SIGKILL');
    };
    const killGroup = () => {
      if (killRequested) return;
      killRequested = true;
      killAt = performance.now();
      if (!child.pid) return;
      signalGroup(child.pid, 'SIGTERM');
      sigkillTimer = setTimeout(sigkill, grace);
    };
    const timeoutTimer = opts.timeoutMs && opts.timeoutMs > 0
      ? setTimeout(() => { timedOut = true; killGroup(); }, Math.min(opts.timeoutMs, MAX_TIMER_MS))
      : undefined;
    const onAbort = () => { cancelled = true; killGroup(); };
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const complete = async () => {
      if (done) return;
      done = true;
      clearTimeout(timeoutTimer);
      clearInterval(drainTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      // Stop and timeout promise the whole group is gone, even members that ignore SIGTERM.
      if (killRequested && child.pid && groupAlive(child.pid)) {
        clearTimeout(sigkillTimer);
        // Members still dying from SIGTERM are given the rest of the grace period.
        while (!sigkillSent && performance.now() - killAt < grace && groupAlive(child.pid)) await sleep(20);
        if (groupAlive(child.pid)) sigkill();
        // A signalled process dies when it is next scheduled: wait for that, briefly.
        for (let i = 0; i < 100 && groupAlive(child.pid); i++) await sleep(10);
      }
      clearTimeout(sigkillTimer);
      const note = (text: string) => {
        write(text);
        onRecorded?.(text, 'note');
      };
      if (opts.withholdOutput) note(withheldNote(withheld, opts.withholdOutput));
      if (abandoned) note('\n[runbook-lens: stopped capturing output; background processes of this block still hold it open]\n');
      const counts = opts.withholdOutput ? { [SECRET_OUTPUT_KIND]: 1 } : mergeCounts(out.counts(), err.counts());
      onProgress?.({ bytes: sink.bytes, elapsedMs: performance.now() - t0 });
      if (spawnError) {
        const failed = redactText(`runbook-lens: ${spawnError}\n`);
        note(failed.text);
        resolve(await finish({ spawnError }, mergeCounts(counts, failed.counts)));
        return;
      }
      resolve(await finish({
        exitCode: exit?.code ?? null,
        signal: exit?.signal ?? null,
        timedOut,
        cancelled: cancelled && !timedOut,
        durationMs: Math.round((exit?.ms ?? performance.now()) - t0),
      }, counts));
    };
    const streamClosed = () => {
      open -= 1;
      if (open === 0 && (exit || spawnError)) void complete();
    };

    // Withheld output still goes through the cleaner: the byte count needs it.
    const emitter = (stream: OutputStream) => (piece: CleanPiece) => {
      if (opts.withholdOutput) {
        withheld += typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length;
        return;
      }
      write(piece);
      onRecorded?.(piece, stream);
    };
    const emitOut = emitter('stdout');
    const emitErr = emitter('stderr');
    const progress = () => {
      if (!onProgress || lastData - progressAt < progressEvery) return;
      progressAt = lastData;
      onProgress({ bytes: sink.bytes, elapsedMs: lastData - t0 });
    };
    child.stdout!.on('data', (b: Buffer) => { lastData = performance.now(); rawOut.push(b); out.push(b, emitOut); progress(); liveBehind(); });
    child.stderr!.on('data', (b: Buffer) => { lastData = performance.now(); rawErr.push(b); err.push(b, emitErr); progress(); liveBehind(); });
    child.stdout!.once('close', () => { rawOut.end(); out.end(emitOut); streamClosed(); });
    child.stderr!.once('close', () => { rawErr.end(); err.end(emitErr); streamClosed(); });

    child.once('error', (e) => {
      // Only a failed spawn ends the run here; a failed kill is reported by 'exit' later.
      if (child.pid !== undefined) return;
      spawnError = startError(shell, e, opts.command);
      if (open === 0) void complete();
      else for (const s of streams) s.destroy();
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal, ms: performance.now() };
      if (open === 0) {
        void complete();
        return;
      }
      // Background processes may hold the pipes open after the shell is gone: read what they
      // write for a moment, then stop capturing so the run can be recorded.
      // After stop or timeout the group is being killed, which closes the pipes; only a process
      // that left the group (setsid) could still hold them past the grace period.
      drainTimer = setInterval(() => {
        const now = performance.now();
        const idle = !killRequested && holds === 0 && now - lastData > DRAIN_IDLE_MS;
        const limit = (opts.drainMs ?? DEFAULT_DRAIN_MS) + (killRequested ? grace : 0);
        if (open > 0 && (idle || now - exit!.ms > limit)) {
          clearInterval(drainTimer);
          abandoned = true;
          for (const s of streams) s.destroy();
        }
      }, 100);
    });
  });
}
