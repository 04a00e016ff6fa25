import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Incident, Severity, TimelineEntry } from './types';
import type { KubeTarget } from '../kube/types';
import { withFileLock } from './fileLock';
import { INCIDENT_JSON, OUTPUTS_DIR, TIMELINE_JSONL, TIMELINE_MD } from './incidentFiles';
import { renderTimelineHeader } from './timelineMarkdown';
import { appendEntry, readTimeline } from './timeline';
import { foldIncident } from './incidentState';

export const SEVERITIES: readonly Severity[] = ['P0', 'P1', 'P2', 'P3'];

export interface NewIncident {
  title: string;
  severity: Severity;
  commander?: string;
  /** When the impact began (the `started` milestone); default: now, when the incident is declared. */
  impactStart?: Date;
  target?: KubeTarget | null;
}

export interface ListedIncident {
  dir: string;
  incident: Incident;
}

/** "Payments API: 503s!" → "payments-api-503s" (at most 40 characters, never empty). */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'incident';
}

/** `2026-11-27-2139` in UTC. */
export function folderStamp(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

function checkNew(fields: NewIncident): void {
  if (!fields.title?.trim()) throw new Error('an incident needs a title');
  if (!SEVERITIES.includes(fields.severity)) throw new Error(`severity must be one of ${SEVERITIES.join(', ')} (got "${fields.severity}")`);
}

/**
 * Writes the whole file under a temporary name first, so readers never see half of it.
 * `exclusive`: link into place, failing with EEXIST when the file already exists;
 * otherwise rename over it.
 */
async function writeJsonAtomic(file: string, value: unknown, exclusive = false): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(tmp, JSON.stringify(value, null, 2) + '\n', { flag: 'wx' });
    await (exclusive ? fs.link(tmp, file) : fs.rename(tmp, file));
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

function lockFor(dir: string): string {
  return path.join(dir, '.incident.lock');
}

/** Creates the folder's files that are missing; never touches existing ones. */
async function initFolder(dir: string, incident: Incident): Promise<void> {
  await fs.mkdir(path.join(dir, OUTPUTS_DIR), { recursive: true });
  await fs.writeFile(path.join(dir, TIMELINE_JSONL), '', { flag: 'a' });
  await fs.writeFile(path.join(dir, TIMELINE_MD), renderTimelineHeader(incident.title), { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  await writeJsonAtomic(path.join(dir, INCIDENT_JSON), incident, true);
}

function newIncident(id: string, fields: NewIncident, now: Date): Incident {
  const createdAt = now.toISOString();
  return {
    id,
    title: fields.title.trim(),
    severity: fields.severity,
    status: 'investigating',
    ...(fields.commander ? { commander: fields.commander } : {}),
    createdAt,
    milestones: { started: (fields.impactStart ?? now).toISOString() },
    target: fields.target ?? null,
  };
}

/** Creates `<root>/<UTC yyyy-mm-dd-HHMM>-<slug>/` (with -2, -3 … if taken) and its files. */
export async function createIncident(root: string, fields: NewIncident, now: Date = new Date()): Promise<{ dir: string; incident: Incident }> {
  checkNew(fields);
  await fs.mkdir(root, { recursive: true });
  const base = `${folderStamp(now)}-${slugify(fields.title)}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const dir = path.join(root, id);
    try {
      await fs.mkdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    const incident = newIncident(id, fields, now);
    await initFolder(dir, incident);
    return { dir, incident };
  }
}

type Base = { incident: Incident } | { error: Error };

/** incident.json as stored (the cache, or in a folder from before the timeline held the state, the base). */
async function readBase(dir: string): Promise<Base> {
  const file = path.join(dir, INCIDENT_JSON);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: new Error(code === 'ENOENT' ? `${file} does not exist (not an incident folder?)` : `cannot read ${file}: ${(err as Error).message}`) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { error: new Error(`${file} is not valid JSON: ${(err as Error).message}`) };
  }
  const i = value as Partial<Incident> | null;
  if (!i || typeof i !== 'object' || Array.isArray(i) || typeof i.title !== 'string') {
    return { error: new Error(`${file} is not an incident (expected an object with a title)`) };
  }
  return {
    incident: {
      ...i,
      id: typeof i.id === 'string' ? i.id : path.basename(dir),
      title: i.title,
      severity: i.severity ?? 'P3',
      status: i.status ?? 'investigating',
      createdAt: typeof i.createdAt === 'string' ? i.createdAt : '',
      milestones: i.milestones && typeof i.milestones === 'object' ? i.milestones : {},
      target: i.target ?? null,
    },
  };
}

/**
 * The incident's state: folded from the timeline's entries over incident.json (see foldIncident).
 * A folder joined from a teammate may have no incident.json yet: its declaring entry is the base.
 * When neither says what the incident is, the error names incident.json.
 */
export async function readIncident(dir: string, entries?: TimelineEntry[]): Promise<Incident> {
  const base = await readBase(dir);
  let all = entries;
  if (!all) {
    try {
      all = (await readTimeline(dir)).entries;
    } catch (err) {
      // An unreadable timeline (not a missing one): incident.json, the last state folded from it,
      // still answers; whatever tries to append next says what is wrong with the file.
      if (!('incident' in base)) throw err;
      all = [];
    }
  }
  const incident = foldIncident('incident' in base ? base.incident : undefined, all, path.basename(path.resolve(dir)));
  if (!incident) throw (base as { error: Error }).error;
  return incident;
}

/**
 * Read, change and write incident.json atomically (temp file + rename). Updates from this
 * and other processes are serialized by a lock, so none is lost. For fields that only this
 * replica keeps (placeholder values): changes of the shared state are entries (recordChange).
 */
export async function updateIncident(dir: string, mutate: (incident: Incident) => void): Promise<Incident> {
  return withFileLock(lockFor(dir), async () => {
    const incident = await readIncident(dir);
    mutate(incident);
    await writeJsonAtomic(path.join(dir, INCIDENT_JSON), incident);
    return incident;
  });
}

/**
 * Changes the incident's state: `build` gets the current state and returns the entries that
 * record the change (none: nothing to do), which are appended; incident.json is then rewritten
 * from the timeline, as a cache for other tools. Serialized with other changes by the lock, so
 * checks such as "already resolved" see every change made on this machine.
 */
export async function recordChange<T extends TimelineEntry[]>(dir: string, build: (current: Incident) => T): Promise<{ incident: Incident; entries: T }> {
  return withFileLock(lockFor(dir), async () => {
    const entries = build(await readIncident(dir));
    for (const e of entries) await appendEntry(dir, e);
    return { incident: await writeCache(dir), entries };
  });
}

async function writeCache(dir: string): Promise<Incident> {
  const incident = await readIncident(dir);
  await writeJsonAtomic(path.join(dir, INCIDENT_JSON), incident);
  return incident;
}

/** Rewrites incident.json from the timeline (after a teammate's entries came in). */
export async function refreshIncidentCache(dir: string): Promise<Incident> {
  return withFileLock(lockFor(dir), () => writeCache(dir));
}

/**
 * Makes `dir` an incident folder if it is not one yet (for `runbook-lens run --incident DIR`).
 * An existing incident.json is read, never replaced; a corrupt one is an error.
 */
export async function ensureIncidentDir(dir: string, defaults: Partial<NewIncident> = {}): Promise<{ dir: string; incident: Incident; created: boolean }> {
  const file = path.join(dir, INCIDENT_JSON);
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists) return { dir, incident: await readIncident(dir), created: false };
  const fields: NewIncident = {
    title: defaults.title?.trim() || path.basename(path.resolve(dir)),
    severity: defaults.severity ?? 'P3',
    commander: defaults.commander,
    target: defaults.target ?? null,
  };
  checkNew(fields);
  const incident = newIncident(path.basename(path.resolve(dir)), fields, new Date());
  try {
    await initFolder(dir, incident);
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { dir, incident: await readIncident(dir), created: false };
    throw err;
  }
  return { dir, incident, created: true };
}

/**
 * Incident folders directly under `root`, newest first. Folders whose incident.json cannot be
 * read are skipped and reported through `onProblem`.
 */
export async function listIncidents(root: string, onProblem?: (message: string) => void): Promise<ListedIncident[]> {
  let names: string[];
  try {
    names = (await fs.readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const found: ListedIncident[] = [];
  for (const name of names) {
    const dir = path.join(root, name);
    if (!(await fs.stat(path.join(dir, INCIDENT_JSON)).then(() => true, () => false))) continue;
    try {
      found.push({ dir, incident: await readIncident(dir) });
    } catch (err) {
      onProblem?.((err as Error).message);
    }
  }
  return found.sort((a, b) => (b.incident.createdAt || b.incident.id).localeCompare(a.incident.createdAt || a.incident.id));
}
