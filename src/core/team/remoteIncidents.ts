/**
 * The incidents a remote holds, with what a responder needs to pick one to join: title,
 * severity, status, when it started and who has worked it. Read from the fetched branches
 * (objects only; nothing is written to the incident folders).
 */
import { git } from './git';
import { incidentRefs } from './incidentRefs';
import { readBlobs, readTree } from './objects';
import { ENTRIES_DIR } from './incidentShare';
import { foldIncident } from '../incident/incidentState';
import type { TimelineEntry } from '../incident/types';
import { listRemoteIncidents } from './teamIncident';

export interface RemoteIncidentSummary {
  id: string;
  title: string;
  severity: string;
  status: string;
  createdAt: string;
  entries: number;
  /** Everyone with an entry, most entries first. */
  responders: string[];
}

export async function describeRemoteIncidents(repo: string, remote: string): Promise<RemoteIncidentSummary[]> {
  const listed = await listRemoteIncidents(repo, remote);
  if (!listed.length) return [];
  const tracking = (id: string) => incidentRefs(id, remote).tracking;
  await git(repo, ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, ...listed.map((r) => `+${incidentRefs(r.id, remote).remote}:${tracking(r.id)}`)]);
  const out: RemoteIncidentSummary[] = [];
  for (const { id } of listed) {
    const tree = await readTree(repo, tracking(id));
    const blobs = await readBlobs(repo, [...tree].filter(([p]) => p.startsWith(`${ENTRIES_DIR}/`)).map(([, b]) => b));
    const entries: TimelineEntry[] = [];
    for (const b of blobs.values()) {
      try {
        const e = JSON.parse(b.toString('utf8')) as TimelineEntry;
        if (e && typeof e.id === 'string' && typeof e.time === 'string') entries.push(e);
      } catch {
        // a line that is not JSON is skipped, as when reading a timeline
      }
    }
    const state = foldIncident(undefined, entries, id);
    const counts = new Map<string, number>();
    for (const e of entries) if (e.actor) counts.set(e.actor, (counts.get(e.actor) ?? 0) + 1);
    out.push({
      id,
      title: state?.title ?? id,
      severity: state?.severity ?? '?',
      status: state?.status ?? '?',
      createdAt: state?.createdAt ?? '',
      entries: entries.length,
      responders: [...counts].sort((a, b) => b[1] - a[1]).map(([a]) => a),
    });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
