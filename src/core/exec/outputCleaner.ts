/**
 * Decoding, ANSI stripping and redaction of one of the child's streams. Fast path: whole lines
 * of plain ASCII (no ESC, no CR) that hold no trigger word and no secret value are passed on as
 * the bytes they are, never decoded: cleaning and redaction could not change them. Anything else
 * (an unfinished line, other bytes, a trigger, a multi-line secret under way) goes through the
 * decoder, the line buffer and the stream redactor, as all output did before.
 */
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { bytesMayHoldSecret } from '../incident/redaction/byteGate';
import { createStreamRedactor } from '../incident/redaction/stream';
import { createRedactor } from '../incident/redaction/redact';
import { cleanTerminalText } from './ansi';
import { createLineBuffer } from './lineBuffer';

/** Cleaned, redacted output; a Buffer holds ASCII only. */
export type CleanPiece = string | Buffer;

export interface OutputCleaner {
  /** Hands the cleaned output now available to `emit`, in order. */
  push(buf: Buffer, emit: (piece: CleanPiece) => void): void;
  /** Whatever was still held back (an unfinished last line). */
  end(emit: (piece: CleanPiece) => void): void;
  counts(): Record<string, number>;
}

const NL = 0x0a;
/** Literals shorter than this are not masked (see redact.ts). */
const MIN_LITERAL = 4;

/**
 * `live`: also hands over the raw output redacted (ANSI kept, for a terminal), as the live view
 * had it from liveRedactedSink: fast-path lines once, as the same bytes; the rest through a
 * second redactor over the raw text.
 */
export function createOutputCleaner(secrets: string[] = [], live?: (piece: CleanPiece) => void): OutputCleaner {
  const decoder = new StringDecoder('utf8');
  const liveRedactor = live ? createRedactor({ literals: secrets }) : undefined;
  const lines = createLineBuffer();
  const redactor = createStreamRedactor({ literals: secrets });
  const literals = [...new Set(secrets)].filter((s) => s.length >= MIN_LITERAL).map((s) => Buffer.from(s, 'utf8'));
  /** The slow path holds part of a line (in the decoder, the line buffer or the redactor). */
  let midLine = false;

  const slow = (buf: Buffer, emit: (piece: CleanPiece) => void) => {
    const raw = decoder.write(buf);
    midLine = buf[buf.length - 1] !== NL;
    if (!raw) return;
    const text = redactor.push(cleanTerminalText(lines.push(raw)));
    if (text) emit(text);
    const shown = liveRedactor?.push(raw).text;
    if (shown) live!(shown);
  };
  // ESC (0x1b) and CR (0x0d) are what cleanTerminalText changes; C1 CSI is not ASCII.
  const plain = (b: Buffer): boolean =>
    isAscii(b) && b.indexOf(0x1b) < 0 && b.indexOf(0x0d) < 0 && !literals.some((l) => b.indexOf(l) >= 0) && !bytesMayHoldSecret(b);

  return {
    push(buf, emit) {
      let at = 0;
      if (midLine) {
        const nl = buf.indexOf(NL);
        if (nl < 0) return slow(buf, emit);
        slow(buf.subarray(0, nl + 1), emit);
        at = nl + 1;
      }
      const last = buf.lastIndexOf(NL);
      if (last >= at) {
        const whole = buf.subarray(at, last + 1);
        if (redactor.idle() && (liveRedactor?.idle() ?? true) && plain(whole)) {
          emit(whole);
          live?.(whole);
        } else slow(whole, emit);
        at = last + 1;
      }
      if (at < buf.length) slow(buf.subarray(at), emit);
    },
    end(emit) {
      const raw = decoder.end();
      const text = redactor.push(cleanTerminalText(lines.push(raw) + lines.end())) + redactor.end();
      if (text) emit(text);
      if (liveRedactor) {
        const shown = liveRedactor.push(raw).text + liveRedactor.end().text;
        if (shown) live!(shown);
      }
    },
    counts: () => redactor.counts(),
  };
}
