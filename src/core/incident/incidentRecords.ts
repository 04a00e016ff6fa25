/** Reads every incident folder under a root for metrics: incident.json plus its timeline, problems reported, never fatal. */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readIncident } from './incidentStore';
import { readTimeline } from './timeline';
import { INCIDENT_JSON } from './incidentFiles';
import { isSeverity } from './severitySetting';
import type { IncidentRecord } from './metrics';

/** How deep below the root incident folders are looked for (root/incidents/<id> is depth 2). */
const MAX_DEPTH = 3;
const SKIP = new Set(['node_modules', '.git', 'outputs', 'dist', 'out']);

async function findIncidentDirs(dir: string, depth: number, out: string[]): Promise<void> {
  let names: import('node:fs').Dirent[];
  try {
    names = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (depth === 0) throw new Error(`cannot read ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return;
  }
  if (names.some((n) => n.isFile() && n.name === INCIDENT_JSON)) {
    out.push(dir);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  for (const n of names) {
    if (n.isDirectory() && !SKIP.has(n.name) && !n.name.startsWith('.')) await findIncidentDirs(path.join(dir, n.name), depth + 1, out);
  }
}

export async function readIncidentRecords(root: string): Promise<{ records: IncidentRecord[]; problems: string[] }> {
  const dirs: string[] = [];
  await findIncidentDirs(path.resolve(root), 0, dirs);
  const records: IncidentRecord[] = [];
  const problems: string[] = [];
  for (const dir of dirs.sort()) {
    const rel = path.relative(path.resolve(root), dir) || '.';
    try {
      const incident = await readIncident(dir);
      if (!isSeverity(incident.severity)) {
        problems.push(`${rel}: severity "${String(incident.severity)}" is not P0–P3; left out`);
        continue;
      }
      const started = incident.milestones?.started ?? incident.createdAt;
      if (!started || Number.isNaN(Date.parse(started))) {
        problems.push(`${rel}: no valid start time (milestones.started or createdAt); left out`);
        continue;
      }
      const { entries, problems: p } = await readTimeline(dir);
      problems.push(...p.map((m) => `${rel}: ${m}`));
      records.push({ dir: rel, incident, entries });
    } catch (err) {
      problems.push(`${rel}: ${(err as Error).message}`);
    }
  }
  return { records, problems };
}
