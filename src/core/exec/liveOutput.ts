import { createRedactor } from '../incident/redaction/redact';

export interface LiveSink {
  write(chunk: string): void;
  /** Releases what is still held back (an unfinished last line). */
  end(): void;
}

/**
 * The live view of a run, redacted like everything recorded: VS Code keeps its Output channels
 * in log files on disk, so the channel is a written file too. Whole lines pass at once; an
 * unfinished line waits for its end (or the end of the run), as the recorder's redactor does.
 * A block that prints secret material shows only a note saying so.
 */
export function liveRedactedSink(emit: (text: string) => void, opts: { literals?: string[]; withheld?: string[] } = {}): LiveSink {
  if (opts.withheld?.length) {
    let noted = false;
    return {
      write() {
        if (noted) return;
        noted = true;
        emit(`[output not shown here: the block runs ${opts.withheld!.map((w) => `\`${w}\``).join(', ')}, which prints secret material; Run in Terminal shows it on screen only]\n`);
      },
      end() {},
    };
  }
  const redactor = createRedactor({ literals: opts.literals });
  return {
    write(chunk) {
      const { text } = redactor.push(chunk);
      if (text) emit(text);
    },
    end() {
      const { text } = redactor.end();
      if (text) emit(text);
    },
  };
}

export interface BoundedLiveOptions {
  /** Passed on whole at the start (default 64 KiB). */
  headBytes?: number;
  /** After the head, at most this much of the latest output is shown per update (default 8 KiB). */
  tailBytes?: number;
  /** How often the tail is shown, at most (default 1000 ms). */
  everyMs?: number;
  /** Where the full output is, for the note about what was skipped. */
  outputFile?: string;
  /** Clock, for tests (default performance.now). */
  now?: () => number;
}

export interface BoundedLiveSink {
  write(chunk: string | Buffer): void;
  /** Shows the last tail and the note, if anything was skipped. */
  end(): void;
  /** Bytes not shown so far. */
  skipped(): number;
}

const byteLength = (s: string | Buffer): number => (typeof s === 'string' ? Buffer.byteLength(s, 'utf8') : s.length);

/**
 * A live view that stays small however much a block prints (the Output channel slows VS Code to
 * a crawl past a few MiB): the head passes at once, then at most one tail per `everyMs`, each the
 * latest whole lines, after a line saying how much was not shown and where the full output is.
 * Feed it recorded (redacted) text: Buffers are the cleaner's ASCII pieces, decoded only when shown.
 */
export function boundedLiveSink(emit: (text: string) => void, opts: BoundedLiveOptions = {}): BoundedLiveSink {
  const headBytes = opts.headBytes ?? 64 * 1024;
  const tailBytes = opts.tailBytes ?? 8 * 1024;
  const everyMs = opts.everyMs ?? 1000;
  const now = opts.now ?? (() => performance.now());
  let shownHead = 0;
  /** Latest text after the head, newest last, at most about tailBytes. */
  let tail: string[] = [];
  let tailSize = 0;
  let skipped = 0;
  let lastShown = now();
  let timer: NodeJS.Timeout | undefined;

  const where = opts.outputFile ? `; the full output is in ${opts.outputFile}` : '';
  const show = () => {
    clearTimeout(timer);
    timer = undefined;
    lastShown = now();
    if (!tail.length) return;
    let text = tail.join('');
    tail = [];
    tailSize = 0;
    // Whole lines only, unless a single line is longer than the tail.
    const cut = text.indexOf('\n');
    if (skipped > 0 && cut >= 0 && cut < text.length - 1) {
      skipped += Buffer.byteLength(text.slice(0, cut + 1), 'utf8');
      text = text.slice(cut + 1);
    }
    if (skipped > 0) emit(`… [${skipped.toLocaleString('en-US')} bytes not shown here${where}] …\n`);
    skipped = 0;
    emit(text);
  };
  const keep = (piece: string | Buffer) => {
    const n = byteLength(piece);
    // Only the last tailBytes of a big piece can be shown: the rest is skipped undecoded.
    if (n > tailBytes) {
      skipped += tailSize + n - tailBytes;
      tail = [typeof piece === 'string' ? Buffer.from(piece, 'utf8').toString('utf8', n - tailBytes).replace(/^\uFFFD+/, '') : piece.toString('latin1', n - tailBytes)];
      tailSize = tailBytes;
      return;
    }
    tail.push(typeof piece === 'string' ? piece : piece.toString('latin1'));
    tailSize += n;
    while (tail.length > 1 && tailSize - byteLength(tail[0]) >= tailBytes) {
      const dropped = tail.shift()!;
      tailSize -= byteLength(dropped);
      skipped += byteLength(dropped);
    }
  };

  return {
    write(chunk) {
      if (!chunk.length) return;
      if (shownHead < headBytes) {
        const n = byteLength(chunk);
        if (shownHead + n <= headBytes) {
          shownHead += n;
            emit(typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
          return;
        }
        // The head ends at the last line end that fits; the rest starts the tail.
        const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
        const room = Buffer.from(text, 'utf8').subarray(0, headBytes - shownHead).toString('utf8').replace(/\uFFFD$/, '');
        const nl = room.lastIndexOf('\n');
        const head = nl >= 0 ? room.slice(0, nl + 1) : '';
        shownHead = headBytes;
        if (head) emit(head);
        lastShown = now();
        keep(text.slice(head.length));
      } else keep(chunk);
      if (now() - lastShown >= everyMs) show();
      else if (!timer) {
        // Output that stops (a block that then waits) is still shown within everyMs.
        timer = setTimeout(show, Math.max(0, everyMs - (now() - lastShown)));
        timer.unref?.();
      }
    },
    end() {
      show();
    },
    skipped: () => skipped + tailSize,
  };
}

/** "12.3 MiB in 4.2 s": a long run's progress, for a status bar or a lens. */
export function progressText(p: { bytes: number; elapsedMs: number }): string {
  const size = p.bytes < 1024 ? `${p.bytes} B` : p.bytes < 1024 ** 2 ? `${(p.bytes / 1024).toFixed(1)} KiB` : `${(p.bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${size} in ${(p.elapsedMs / 1000).toFixed(1)} s`;
}
