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

export function withMarker(body: string): string {
  return `<!-- runbook-lens:generated sha256=${sha256(body)} · edit freely: regenerating then writes a separate draft -->\n${body}`;
}

/** True when `text` is exactly what we generated (only line endings may differ). */
export function isUntouched(text: string): boolean {
  const normalized = text.replace(/\r\n/g, '\n');
  const m = MARKER_RE.exec(normalized);
  return !!m && sha256(normalized.slice(m[0].length)) === m[1];
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function replaceAtomically(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, content, { encoding: 'utf8', mode: 0o644 });
  await fs.rename(tmp, file);
}

/** Writes `body` (already redacted) to `file` under the rules above. */
export async function writeGenerated(file: string, body: string): Promise<GeneratedWrite> {
  const content = withMarker(body);
  const existing = await readIfExists(file);
  if (existing === undefined) {
    try {
      await fs.writeFile(file, content, { encoding: 'utf8', flag: 'wx' });
      return { file, action: 'created' };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return writeGenerated(file, body); // someone created it meanwhile: decide again
    }
  }
  if (existing.replace(/\r\n/g, '\n') === content) return { file, action: 'unchanged' };
  if (isUntouched(existing)) {
    await replaceAtomically(file, content);
    return { file, action: 'updated' };
  }
  return { ...(await writeDraft(file, content)), kept: file };
}

async function writeDraft(file: string, content: string): Promise<GeneratedWrite> {
  const dir = path.dirname(file);
  const base = path.basename(file, '.md');
  const re = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.draft-(\\d+)\\.md$`);
  const numbers = (await fs.readdir(dir)).map((n) => re.exec(n)).filter((m): m is RegExpExecArray => !!m).map((m) => Number(m[1]));
  const last = numbers.length ? Math.max(...numbers) : 0;
  if (last) {
    // Reuse the newest draft while nobody has edited it, so regenerating does not pile up drafts.
    const lastFile = path.join(dir, `${base}.draft-${last}.md`);
    const text = await readIfExists(lastFile);
    if (text !== undefined && text.replace(/\r\n/g, '\n') === content) return { file: lastFile, action: 'unchanged' };
    if (text !== undefined && isUntouched(text)) {
      await replaceAtomically(lastFile, content);
      return { file: lastFile, action: 'draft' };
    }
  }
  for (let n = last + 1; ; n++) {
    const draft = path.join(dir, `${base}.draft-${n}.md`);
    try {
      await fs.writeFile(draft, content, { encoding: 'utf8', flag: 'wx' });
      return { file: draft, action: 'draft' };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
