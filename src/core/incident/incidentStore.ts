import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Incident, Severity } from './types';
import type { KubeTarget } from '../kube/types';
import { withFileLock } from './fileLock';
import { INCIDENT_JSON, OUTPUTS_DIR, TIMELINE_JSONL, TIMELINE_MD } from './incidentFiles';
import { renderTimelineHeader } from './timelineMarkdown';

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

/** Reads incident.json; errors name the file. */
export async function readIncident(dir: string): Promise<Incident> {
  const file = path.join(dir, INCIDENT_JSON);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file} does not exist (not an incident folder?)` : `cannot read ${file}: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const i = value as Partial<Incident> | null;
  if (!i || typeof i !== 'object' || Array.isArray(i) || typeof i.title !== 'string') {
    throw new Error(`${file} is not an incident (expected an object with a title)`);
  }
  return {
    ...i,
    id: typeof i.id === 'string' ? i.id : path.basename(dir),
    title: i.title,
    severity: i.severity ?? 'P3',
    status: i.status ?? 'investigating',
    createdAt: typeof i.createdAt === 'string' ? i.createdAt : '',
    milestones: i.milestones && typeof i.milestones === 'object' ? i.milestones : {},
    target: i.target ?? null,
  };
}

/**
 * Read, change and write incident.json atomically (temp file + rename). Updates from this
 * and other processes are serialized by a lock, so none is lost.
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
