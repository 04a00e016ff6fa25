import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUTS_DIR, TIMELINE_JSONL } from '../incident/incidentFiles';
import { appendEntries, compareEntries } from '../incident/timeline';

export { compareEntries };
import type { TimelineEntry } from '../incident/types';
import { redactText } from '../incident/redaction/redact';
import { parsePresence, PRESENCE_DIR, presenceName, SHARED_PRESENCE_DIR } from './presence';

/** Paths inside the shared incident tree. */
export const ENTRIES_DIR = 'entries';
export const entryPath = (id: string) => `${ENTRIES_DIR}/${id}.json`;
export const outputPath = (id: string) => `${OUTPUTS_DIR}/${id}.log`;

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface ShareOptions {
  /** Outputs larger than this are shared as their head and tail (runbookLens.team.maxSharedOutputKiB). */
  maxSharedOutputBytes: number;
  /** This responder's presence file is shared (teammates' copies in the folder are theirs to update). */
  presenceOf?: string;
}

/**
 * What a replica shares: each timeline line as one immutable file named by its entry id, and
 * each output file (head and tail past the size limit; the full file stays local). Everything
 * in an incident folder is already redacted when written; the sync scans it again before commit.
 */
export function shareableFiles(dir: string, opts: ShareOptions): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const line of readLines(path.join(dir, TIMELINE_JSONL))) {
    const id = entryId(line);
    if (id && !files.has(entryPath(id))) files.set(entryPath(id), Buffer.from(line, 'utf8'));
  }
  const outDir = path.join(dir, OUTPUTS_DIR);
  for (const name of safeReaddir(outDir)) {
    const m = /^(.+)\.log$/.exec(name);
    if (!m || !SAFE_NAME.test(m[1])) continue;
    files.set(outputPath(m[1]), headAndTail(path.join(outDir, name), opts.maxSharedOutputBytes));
  }
  if (opts.presenceOf) {
    const name = presenceName(opts.presenceOf);
    const content = readOrUndefined(path.join(dir, PRESENCE_DIR, name));
    if (content && parsePresence(content)) files.set(`${SHARED_PRESENCE_DIR}/${name}`, content);
  }
  return files;
}

/**
 * Secret findings for a file about to leave the machine: the same rules as every recorded file.
 * An entry is scanned as the strings it holds, decoded, as they were redacted when recorded: its
 * JSON escapes (`\"` after `password:`) would read as a value that is not there, and a `\u`
 * escape could hide one that is.
 */
export function scanShared(file: string, content: Buffer): string[] {
  const text = content.toString('utf8');
  const counts = new Map<string, number>();
  for (const piece of file.endsWith('.json') ? jsonStrings(text) : [text]) {
    for (const [rule, n] of Object.entries(redactText(piece).counts)) counts.set(rule, (counts.get(rule) ?? 0) + n);
  }
  return [...counts].map(([rule, n]) => `${rule} ×${n}`);
}

/** Every key and string value of a JSON document; the text itself when it is not JSON. */
function jsonStrings(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [text];
  }
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        walk(x);
      }
    }
  };
  walk(value);
  return out;
}

/**
 * Adds a teammate's files to the local folder: new entries are appended to the timeline (which
 * stays append-only), new outputs are written once. Returns the entries added.
 */
export async function applyIncoming(dir: string, incoming: Map<string, Buffer>): Promise<TimelineEntry[]> {
  const known = new Set(readLines(path.join(dir, TIMELINE_JSONL)).map(entryId).filter(Boolean));
  const added: TimelineEntry[] = [];
  const entries = [...incoming].filter(([p]) => p.startsWith(`${ENTRIES_DIR}/`));
  const parsed = entries
    .map(([, b]) => ({ line: b.toString('utf8'), entry: parseEntry(b.toString('utf8')) }))
    .filter((x): x is { line: string; entry: TimelineEntry } => !!x.entry && !known.has(x.entry.id) && !x.line.includes('\n'));
  parsed.sort((a, b) => compareEntries(a.entry, b.entry));
  const fresh = parsed.filter(({ entry: e }) => !known.has(e.id) && known.add(e.id));
  await appendEntries(dir, fresh.map(({ line, entry }) => ({ entry, sourceLine: line })));
  for (const { entry: e } of fresh) added.push(e);
  for (const [p, content] of incoming) {
    const m = /^outputs\/(.+)\.log$/.exec(p);
    if (!m || !SAFE_NAME.test(m[1])) continue;
    const file = path.join(dir, OUTPUTS_DIR, `${m[1]}.log`);
    if (fs.existsSync(file)) continue; // ours, or the full file of a shortened share
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
  }
  for (const [p, content] of incoming) {
    const m = /^presence\/(.+\.json)$/.exec(p);
    const theirs = m && SAFE_NAME.test(m[1]) ? parsePresence(content) : undefined;
    if (!m || !theirs) continue;
    const file = path.join(dir, PRESENCE_DIR, m[1]);
    const mine = fs.existsSync(file) ? parsePresence(fs.readFileSync(file)) : undefined;
    if (mine && Date.parse(mine.at) >= Date.parse(theirs.at)) continue; // ours is newer
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, content);
    fs.renameSync(`${file}.tmp`, file);
  }
  return added;
}

function readLines(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  // The last line may be half-written by a process still appending: only whole lines are shared.
  const lines = text.split('\n');
  lines.pop();
  return lines.map((l) => l.replace(/\r$/, '')).filter((l) => l.trim());
}

function parseEntry(line: string): TimelineEntry | undefined {
  try {
    const e = JSON.parse(line) as TimelineEntry;
    return e && typeof e.id === 'string' && SAFE_NAME.test(e.id) && typeof e.time === 'string' && typeof e.kind === 'string' ? e : undefined;
  } catch {
    return undefined;
  }
}

function entryId(line: string): string | undefined {
  return parseEntry(line)?.id;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The whole file, or its head and tail cut at line ends with a marker saying what stayed local. */
function headAndTail(file: string, max: number): Buffer {
  const all = fs.readFileSync(file);
  if (all.length <= max) return all;
  const half = Math.floor(max / 2);
  let headEnd = all.lastIndexOf(0x0a, half);
  headEnd = headEnd < 0 ? half : headEnd + 1;
  let tailStart = all.indexOf(0x0a, all.length - half);
  tailStart = tailStart < 0 ? all.length - half : tailStart + 1;
  const skipped = tailStart - headEnd;
  const marker = Buffer.from(`\n… ${skipped} bytes not shared (output over the team limit); the full output stays with whoever ran it …\n\n`);
  return Buffer.concat([all.subarray(0, headEnd), marker, all.subarray(tailStart)]);
}
