/**
 * Writing generated Markdown without ever overwriting a person's edits.
 * The first line is a marker holding the SHA-256 of what we generated. If the file
 * still hashes to that, nobody touched it and it may be replaced; otherwise the new
 * text goes to `<name>.draft-N.md` beside it and the edited file stays as it is.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

const MARKER_RE = /^<!-- runbook-lens:generated sha256=([0-9a-f]{64})[^\n]*-->\n/;

export type WriteAction = 'created' | 'updated' | 'unchanged' | 'draft';

export interface GeneratedWrite {
  file: string;
  action: WriteAction;
  /** Set for 'draft': the edited file that was left alone. */
  kept?: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

const markerLine = (hash: string): string => `<!-- runbook-lens:generated sha256=${hash} · edit freely: regenerating then writes a separate draft -->\n`;

/**
 * The marker line and the body, as UTF-8, encoding the body once (a post-mortem is megabytes of
 * two-byte text): without a CR the bytes hashed are the body's own. `utf8`: the body's UTF-8,
 * when the caller has it.
 */
export function withMarker(body: string, utf8?: Buffer): Buffer {
  const bytes = utf8 ?? Buffer.from(body, 'utf8');
  const hash = bytes.indexOf(0x0d) === -1 ? createHash('sha256').update(bytes).digest('hex') : sha256(body);
  return Buffer.concat([Buffer.from(markerLine(hash), 'utf8'), bytes]);
}

/** True when `text` is exactly what we generated (only line endings may differ). */
export function isUntouched(text: string): boolean {
  const normalized = text.replace(/\r\n/g, '\n');
  const m = MARKER_RE.exec(normalized);
  return !!m && sha256(normalized.slice(m[0].length)) === m[1];
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function replaceAtomically(file: string, content: Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, content, { mode: 0o644 });
  await fs.rename(tmp, file);
}

/**
 * The file's text if it is not `content` (line endings aside), else undefined. The same bytes are
 * the same text, so a file that was not changed (the common case) is never decoded.
 */
function changedText(existing: Buffer, content: Buffer): string | undefined {
  if (existing.equals(content)) return undefined;
  const text = existing.toString('utf8');
  return text.replace(/\r\n/g, '\n') === content.toString('utf8') ? undefined : text;
}

/** Writes `body` (already redacted; `utf8`, its UTF-8 if the caller has it) to `file` under the rules above. */
export async function writeGenerated(file: string, body: string, utf8?: Buffer): Promise<GeneratedWrite> {
  return writeContent(file, withMarker(body, utf8));
}

async function writeContent(file: string, content: Buffer): Promise<GeneratedWrite> {
  const existing = await readIfExists(file);
  if (existing === undefined) {
    try {
      await fs.writeFile(file, content, { flag: 'wx' });
      return { file, action: 'created' };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return writeContent(file, content); // someone created it meanwhile: decide again
    }
  }
  const text = changedText(existing, content);
  if (text === undefined) return { file, action: 'unchanged' };
  if (isUntouched(text)) {
    await replaceAtomically(file, content);
    return { file, action: 'updated' };
  }
  return { ...(await writeDraft(file, content)), kept: file };
}

async function writeDraft(file: string, content: Buffer): Promise<GeneratedWrite> {
  const dir = path.dirname(file);
  const base = path.basename(file, '.md');
  const re = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.draft-(\\d+)\\.md$`);
  const numbers = (await fs.readdir(dir)).map((n) => re.exec(n)).filter((m): m is RegExpExecArray => !!m).map((m) => Number(m[1]));
  const last = numbers.length ? Math.max(...numbers) : 0;
  if (last) {
    // Reuse the newest draft while nobody has edited it, so regenerating does not pile up drafts.
    const lastFile = path.join(dir, `${base}.draft-${last}.md`);
    const bytes = await readIfExists(lastFile);
    const text = bytes && changedText(bytes, content);
    if (bytes !== undefined && text === undefined) return { file: lastFile, action: 'unchanged' };
    if (text !== undefined && isUntouched(text)) {
      await replaceAtomically(lastFile, content);
      return { file: lastFile, action: 'draft' };
    }
  }
  for (let n = last + 1; ; n++) {
    const draft = path.join(dir, `${base}.draft-${n}.md`);
    try {
      await fs.writeFile(draft, content, { flag: 'wx' });
      return { file: draft, action: 'draft' };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
