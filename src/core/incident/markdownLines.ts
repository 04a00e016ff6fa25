/**
 * A generated document as lines: `text()` is `lines.join('\n')` with runs of blank lines cut to
 * one and trailing white space trimmed, ending in a newline. It is built in one pass as lines come
 * in: for a post-mortem of megabytes, joining, then replacing and trimming the whole, cost three
 * copies of a two-byte string and their garbage.
 */

const NEWLINE = 10;
/** Parts joined into one flat chunk at a time: short-lived ropes die young instead of being kept. */
const CHUNK_PARTS = 512;

export class MarkdownLines {
  private parts: string[] = [];
  /** Earlier parts, joined: flat strings hold less than the row ropes they came from. */
  private readonly chunks: string[] = [];
  /** Newlines at the end of the text so far (of which at most two are in `parts`). */
  private run = 0;
  private any = false;

  /** `chunkParts`: how many parts are joined into a chunk at a time (small in tests). */
  constructor(private readonly chunkParts = CHUNK_PARTS) {}

  push(...lines: string[]): void {
    for (const line of lines) this.line(line);
  }

  text(): string {
    // Trailing white space goes, whatever it is made of: trim the tail (a few parts) only.
    const parts = this.chunks.length ? [...this.chunks, ...this.parts] : this.parts;
    let end = parts.length;
    while (end > 0 && parts[end - 1].trim() === '') end--;
    if (end === 0) return '\n';
    const tail = parts.slice(0, end);
    tail[end - 1] = tail[end - 1].trimEnd();
    tail.push('\n');
    return tail.join('');
  }

  line(line: string): void {
    if (this.parts.length >= this.chunkParts) {
      this.chunks.push(this.parts.join(''));
      this.parts = [];
    }
    if (this.any) this.newlines(1);
    this.any = true;
    if (line === '') return;
    if (line.indexOf('\n') === -1) {
      this.parts.push(line);
      this.run = 0;
      return;
    }
    let from = 0;
    while (from < line.length && line.charCodeAt(from) === NEWLINE) from++;
    this.newlines(from);
    if (from === line.length) return;
    let to = line.length;
    while (line.charCodeAt(to - 1) === NEWLINE) to--;
    const middle = from === 0 && to === line.length ? line : line.slice(from, to);
    this.parts.push(middle.includes('\n\n\n') ? middle.replace(/\n{3,}/g, '\n\n') : middle);
    this.run = 0;
    this.newlines(line.length - to);
  }

  /** `n` more newlines: a run keeps at most two. */
  private newlines(n: number): void {
    const keep = Math.min(this.run + n, 2) - Math.min(this.run, 2);
    if (keep === 1) this.parts.push('\n');
    else if (keep === 2) this.parts.push('\n\n');
    this.run += n;
  }
}
