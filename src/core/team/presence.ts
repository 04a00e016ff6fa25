/**
 * Who else is working an incident: one small file per responder (`presence/<actor>.json` in the
 * shared tree, `.presence/` in the folder), rewritten while their editor has the incident open.
 * Not timeline entries: presence changes all the time and says nothing about the incident.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const PRESENCE_DIR = '.presence';
export const SHARED_PRESENCE_DIR = 'presence';

export interface Presence {
  actor: string;
  /** When the responder's editor last said it was there. */
  at: string;
  context?: string;
}

/** A file name for an actor ("Ann Lee <ann@x>" → "Ann-Lee-ann-x"), never empty, never a path. */
export function presenceName(actor: string): string {
  const name = actor.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80);
  return `${name || 'someone'}.json`;
}

export function writePresence(dir: string, p: Presence): void {
  const folder = path.join(dir, PRESENCE_DIR);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, presenceName(p.actor));
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(p) + '\n');
  fs.renameSync(tmp, file);
}

export function parsePresence(content: Buffer | string): Presence | undefined {
  try {
    const p = JSON.parse(content.toString()) as Partial<Presence>;
    return typeof p.actor === 'string' && typeof p.at === 'string' && !Number.isNaN(Date.parse(p.at)) ? (p as Presence) : undefined;
  } catch {
    return undefined;
  }
}

/** Everyone seen in the last `withinMs`, newest first. */
export function readPresence(dir: string, now: Date, withinMs: number): Presence[] {
  const folder = path.join(dir, PRESENCE_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .map((n) => parsePresence(fs.readFileSync(path.join(folder, n))))
    .filter((p): p is Presence => !!p && now.getTime() - Date.parse(p.at) <= withinMs)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/**
 * Two contents of one presence file: the later wins (ties by bytes), so every replica merging
 * the same two picks the same one. Any other path: the smaller bytes (files there are immutable).
 */
export function resolveShared(file: string, a: Buffer, b: Buffer): Buffer {
  if (file.startsWith(`${SHARED_PRESENCE_DIR}/`)) {
    const ta = Date.parse(parsePresence(a)?.at ?? '') || 0;
    const tb = Date.parse(parsePresence(b)?.at ?? '') || 0;
    if (ta !== tb) return ta > tb ? a : b;
  }
  return Buffer.compare(a, b) <= 0 ? a : b;
}
