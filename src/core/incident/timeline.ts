import * as fs from 'node:fs/promises';
import * as fsSync from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ENTRY_SCHEMA_VERSION, type TimelineEntry } from './types';
import { withFileLock } from './fileLock';
import { TIMELINE_JSONL, TIMELINE_MD } from './incidentFiles';
import { renderEntryMarkdown } from './timelineMarkdown';

let lastMs = 0;
let seq = 0;

/**
 * Sortable, unique entry id, safe as a file name: UTC time to the millisecond, a per-process
 * sequence for entries in the same millisecond, and random bits for other processes.
 * e.g. 20261127T213929123Z-00-5f2c9a1b
 */
export function newEntryId(now: Date = new Date()): string {
  const ms = now.getTime();
  seq = ms === lastMs ? seq + 1 : 0;
  lastMs = ms;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${seq.toString(36).padStart(2, '0')}-${randomBytes(4).toString('hex')}`;
}

/**
 * Appends with O_APPEND in a single write. A file whose last line was left unfinished (a crash,
 * a hand edit) first gets a newline so the new entry is not glued to it. The small calls are
 * synchronous (microseconds each; every async hop through the thread pool cost far more on a
 * busy machine); only the flush to disk, which can take milliseconds, leaves the event loop.
 */
function appendText(file: string, text: string): void {
  const fd = fsSync.openSync(file, 'a+');
  try {
    const { size } = fsSync.fstatSync(fd);
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      fsSync.readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    const buf = Buffer.from(prefix + text, 'utf8');
    let written = 0;
    try {
      while (written < buf.length) written += fsSync.writeSync(fd, buf, written, buf.length - written);
    } catch (err) {
      // A full disk can take part of the line: cut it off again so no torn entry is left behind.
      try {
        fsSync.ftruncateSync(fd, size);
      } catch {
        // ignored: a torn last line is skipped when the timeline is read
      }
      throw err;
    }
  } finally {
    fsSync.closeSync(fd);
  }
}

function fileSize(file: string): number {
  try {
    return fsSync.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Files with a flush to disk in flight → whether another append came in meanwhile. */
const flushing = new Map<string, boolean>();

/**
 * Starts flushing a file's data to disk without making the caller wait. The entry is already in
 * the file when the append resolves, so a crash of VS Code or the CLI loses nothing; the flush
 * only narrows what a power loss or kernel crash could take (a torn last line is skipped on
 * read). Waiting for it cost 1–10 ms per entry. Flushes coalesce: one in flight, one queued.
 */
function flushSoon(file: string): void {
  if (flushing.has(file)) {
    flushing.set(file, true);
    return;
  }
  flushing.set(file, false);
  const done = () => {
    const again = flushing.get(file);
    flushing.delete(file);
    if (again) flushSoon(file);
  };
  fsSync.open(file, 'r', (openErr, fd) => {
    if (openErr) return done();
    fsSync.fdatasync(fd, () => fsSync.close(fd, done));
  });
}

/**
 * Appends one entry: a JSON line to timeline.jsonl (the source of truth) and a Markdown block
 * to timeline.md. Both files are only ever appended to. A lock keeps the two files in the same
 * order when several processes record at once.
 */
export async function appendEntry(dir: string, entry: TimelineEntry, sourceLine?: string): Promise<void> {
  await appendEntries(dir, [{ entry, sourceLine }]);
}

/**
 * Appends several entries in one write to each file (a teammate's thousands of entries on join
 * cost one lock, not one each). `sourceLine`: the exact bytes a teammate wrote, kept so every
 * replica shares the same file for the entry.
 */
export async function appendEntries(dir: string, items: { entry: TimelineEntry; sourceLine?: string }[]): Promise<void> {
  if (!items.length) return;
  let lines = '';
  let blocks = '';
  for (const { entry, sourceLine } of items) {
    if (!entry.id || !entry.time || !entry.kind) throw new Error('timeline entry needs id, time and kind');
    // Stamped here so no builder has to (on the caller's object too, so what it holds is what was
    // recorded); an entry that names its version (a newer writer's) keeps it.
    if (entry.v === undefined && sourceLine === undefined) entry.v = ENTRY_SCHEMA_VERSION;
    lines += (sourceLine ?? JSON.stringify(entry)) + '\n';
    blocks += '\n' + renderEntryMarkdown(entry);
  }
  fsSync.mkdirSync(dir, { recursive: true });
  await withFileLock(path.join(dir, '.timeline.lock'), async () => {
    const jsonl = path.join(dir, TIMELINE_JSONL);
    const before = fileSize(jsonl);
    appendText(jsonl, lines);
    try {
      appendText(path.join(dir, TIMELINE_MD), blocks);
    } catch (err) {
      // Both files or neither: a `started` record that only one of them shows would be a lie.
      try {
        fsSync.truncateSync(jsonl, before);
      } catch {
        // ignored: the error below still says the entry was not recorded
      }
      throw err;
    }
    flushSoon(jsonl);
  });
}

/** An entry's schema version: entries written before versions existed are version 1. */
export function entryVersion(entry: Pick<TimelineEntry, 'v'>): number {
  return typeof entry.v === 'number' && Number.isInteger(entry.v) && entry.v > 0 ? entry.v : 1;
}

export interface TimelineRead {
  entries: TimelineEntry[];
  /** Lines that were skipped, e.g. "timeline.jsonl line 7: …". Never fatal. */
  problems: string[];
}

/**
 * Runs are written ahead: a `started` entry, then the result as its own entry naming it in
 * `startedEntry`. Entries are immutable (a timeline merged by id keeps them all), so readers drop
 * the started entries that have a result; those left are runs that never finished.
 */
export function foldRunRecords(entries: TimelineEntry[]): TimelineEntry[] {
  const finished = new Set<string>();
  for (const e of entries) if (typeof e.startedEntry === 'string') finished.add(e.startedEntry);
  return finished.size ? entries.filter((e) => !(e.status === 'started' && finished.has(e.id))) : entries;
}

/** The order every replica shows: time, then id (a teammate's entries are appended as they arrive). */
export function compareEntries(a: Pick<TimelineEntry, 'time' | 'id'>, b: Pick<TimelineEntry, 'time' | 'id'>): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const lineName = (i: number): string => `${TIMELINE_JSONL} line ${i + 1}`;

/**
 * Reads timeline.jsonl in (time, id) order, with run records folded (see foldRunRecords). A
 * half-written last line or a corrupt line is reported and skipped.
 */
export async function readTimeline(dir: string): Promise<TimelineRead> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, TIMELINE_JSONL), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
    throw err;
  }
  const entries: TimelineEntry[] = [];
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(i === lines.length - 1
        ? `${lineName(i)}: incomplete last line (a write was interrupted); skipped`
        : `${lineName(i)}: not valid JSON; skipped`);
      return;
    }
    const e = value as Partial<TimelineEntry> | null;
    if (!e || typeof e !== 'object' || Array.isArray(e) || typeof e.id !== 'string' || typeof e.time !== 'string' || typeof e.kind !== 'string') {
      problems.push(`${lineName(i)}: not a timeline entry (needs id, time and kind); skipped`);
      return;
    }
    entries.push(e as TimelineEntry);
  });
  // The file is in arrival order, which differs between replicas of a shared incident.
  return { entries: foldRunRecords(entries.sort(compareEntries)), problems };
}
