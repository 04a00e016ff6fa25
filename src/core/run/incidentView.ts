import * as fs from 'node:fs';
import * as path from 'node:path';
import { INCIDENT_JSON, TIMELINE_JSONL } from '../incident/incidentFiles';
import { readIncident } from '../incident/incidentStore';
import { readTimeline } from '../incident/timeline';
import type { TimelineEntry } from '../incident/types';
import type { KubeTarget } from '../kube/types';

/** timeline.jsonl's entries as read, and the file's size and change time then. */
export interface TimelineSnapshot {
  entries: TimelineEntry[];
  size: number;
  mtimeMs: number;
}

/**
 * What a run reads of its incident folder, once: the pinned target comes from folding the whole
 * timeline over incident.json, which grows with the incident, so the entries are kept for the
 * consent question (a teammate's recent run) rather than read again.
 */
export interface IncidentView {
  /** incident.json exists (the CLI makes the folder once the run is allowed). */
  exists: boolean;
  pinned: KubeTarget | null;
  timeline?: TimelineSnapshot;
}

function stamp(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    const { size, mtimeMs } = fs.statSync(file);
    return { size, mtimeMs };
  } catch {
    return undefined;
  }
}

/** The incident's pinned target and its timeline; nothing pinned while the folder is not made yet. */
export async function readIncidentView(incidentDir: string | undefined): Promise<IncidentView> {
  if (!incidentDir || !stamp(path.join(incidentDir, INCIDENT_JSON))) return { exists: false, pinned: null };
  const file = path.join(incidentDir, TIMELINE_JSONL);
  // Stamped before the read: an append in between makes the snapshot look stale, never fresh.
  const before = stamp(file);
  // An unreadable timeline is readIncident's to judge (it reads again and decides).
  const entries = await readTimeline(incidentDir).then((t) => t.entries, () => undefined);
  const incident = await readIncident(incidentDir, entries);
  return { exists: true, pinned: incident.target ?? null, ...(entries && before ? { timeline: { entries, ...before } } : {}) };
}

/** The snapshot's entries while timeline.jsonl is unchanged (it is only appended to), else a fresh read. */
export async function currentEntries(incidentDir: string, snapshot: TimelineSnapshot | undefined): Promise<TimelineEntry[]> {
  const now = snapshot && stamp(path.join(incidentDir, TIMELINE_JSONL));
  if (snapshot && now && now.size === snapshot.size && now.mtimeMs === snapshot.mtimeMs) return snapshot.entries;
  return (await readTimeline(incidentDir)).entries;
}
