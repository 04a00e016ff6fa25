/**
 * Bounded capture of a command's output: the first and last `capBytes / 2` bytes are kept,
 * the middle is replaced by a marker. Memory stays bounded however much is pushed.
 */
export const DEFAULT_CAP_BYTES = 64 * 1024;

export interface CappedOutput {
  text: string;
  truncated: boolean;
  /** Bytes pushed in total (UTF-8). */
  totalBytes: number;
}

/** First `maxBytes` bytes of `s`, never splitting a character. */
function headBytes(s: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  return Buffer.from(s, 'utf8').subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, '');
}

/** Last `maxBytes` bytes of `s`, never splitting a character. */
function tailBytes(s: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  const buf = Buffer.from(s, 'utf8');
  return buf.subarray(Math.max(0, buf.length - maxBytes)).toString('utf8').replace(/^\uFFFD/, '');
}

export class HeadTailCapture {
  private head = '';
  private headUsed = 0;
  private tail: { text: string; bytes: number }[] = [];
  private tailUsed = 0;
  private total = 0;
  private readonly headCap: number;
  private readonly tailCap: number;

  constructor(capBytes: number = DEFAULT_CAP_BYTES) {
    this.headCap = Math.floor(Math.max(0, capBytes) / 2);
    this.tailCap = Math.max(0, capBytes) - this.headCap;
  }

  push(text: string): this {
    if (!text) return this;
    const bytes = Buffer.byteLength(text, 'utf8');
    this.total += bytes;
    let rest = text;
    let restBytes = bytes;
    if (this.headUsed < this.headCap) {
      const room = this.headCap - this.headUsed;
      const part = restBytes <= room ? rest : headBytes(rest, room);
      const partBytes = part === rest ? restBytes : Buffer.byteLength(part, 'utf8');
      this.head += part;
      this.headUsed += partBytes;
      rest = rest.slice(part.length);
      restBytes -= partBytes;
      // A character that did not fit ends the head; the rest goes to the tail.
      if (rest) this.headUsed = this.headCap;
    }
    if (!rest || this.tailCap === 0) return this;
    if (restBytes > this.tailCap) {
      rest = tailBytes(rest, this.tailCap);
      restBytes = Buffer.byteLength(rest, 'utf8');
    }
    this.tail.push({ text: rest, bytes: restBytes });
    this.tailUsed += restBytes;
    while (this.tail.length > 1 && this.tailUsed - this.tail[0].bytes >= this.tailCap) {
      this.tailUsed -= this.tail.shift()!.bytes;
    }
    return this;
  }

  /** Pushes ASCII bytes: characters and bytes coincide, so only what can be kept is decoded. */
  pushAscii(buf: Buffer): this {
    const n = buf.length;
    if (this.headUsed < this.headCap || n <= this.tailCap) return this.push(buf.toString('latin1'));
    this.total += n - this.tailCap;
    return this.push(buf.toString('latin1', n - this.tailCap));
  }

  result(): CappedOutput {
    const tailText = this.tail.map((t) => t.text).join('');
    const keptTail = this.tailUsed > this.tailCap ? tailBytes(tailText, this.tailCap) : tailText;
    const kept = this.headUsed + Buffer.byteLength(keptTail, 'utf8');
    if (kept >= this.total) return { text: this.head + keptTail, truncated: false, totalBytes: this.total };
    // Cut at line boundaries when there are any, so no half line is shown.
    const headNl = this.head.lastIndexOf('\n');
    const head = headNl >= 0 ? this.head.slice(0, headNl + 1) : this.head;
    const tailNl = keptTail.indexOf('\n');
    const tail = tailNl >= 0 && tailNl < keptTail.length - 1 ? keptTail.slice(tailNl + 1) : keptTail;
    const omitted = this.total - Buffer.byteLength(head + tail, 'utf8');
    const marker = `${head.endsWith('\n') || !head ? '' : '\n'}… [${omitted} bytes omitted; the full output is in the output file] …\n`;
    return { text: head + marker + tail, truncated: true, totalBytes: this.total };
  }
}

/** Caps an already complete text the same way the runner caps a stream. */
export function capOutput(text: string, capBytes: number = DEFAULT_CAP_BYTES): CappedOutput {
  return new HeadTailCapture(capBytes).push(text).result();
}
