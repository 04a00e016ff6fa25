/**
 * An incident's state (title, severity, status, commander, milestones, pinned target, impact,
 * root cause, resolution) folded from its timeline. Every change of state is an entry and the
 * later one wins per field, so replicas that hold the same entries agree on the state whatever
 * order the entries reached them in, and two responders changing it at once never conflict.
 */
import type { DetailField, Incident, IncidentSnapshot, IncidentStatus, MilestoneName, Severity, TimelineEntry } from './types';

const SEVERITIES: readonly string[] = ['P0', 'P1', 'P2', 'P3'];
const STATUSES: readonly string[] = ['investigating', 'identified', 'monitoring', 'resolved'];
const MILESTONES: readonly string[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];
const DETAIL_FIELDS: readonly DetailField[] = ['title', 'commander', 'impact', 'rootCause', 'resolution'];

const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && SEVERITIES.includes(v);
const isStatus = (v: unknown): v is IncidentStatus => typeof v === 'string' && STATUSES.includes(v);
const isMilestone = (v: unknown): v is MilestoneName => typeof v === 'string' && MILESTONES.includes(v);

/**
 * When an entry changed the state. A milestone entry's `time` is when the milestone happened
 * (it can be backdated); it was set at `recordedAt`, so a correction recorded later wins.
 */
export function stateTime(e: TimelineEntry): string {
  return e.kind === 'milestone' && typeof e.recordedAt === 'string' ? e.recordedAt : e.time;
}

function ms(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** The order state changes apply in: when they were made, then id. */
export function compareStateChanges(a: TimelineEntry, b: TimelineEntry): number {
  const d = ms(stateTime(a)) - ms(stateTime(b));
  if (d) return d < 0 ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether an entry changes the incident's state (a timeline line that only tells is not one). */
export function changesState(e: TimelineEntry): boolean {
  switch (e.kind) {
    case 'status': return isStatus(e.incidentStatus) || !!e.incident;
    case 'milestone': return isMilestone(e.milestone);
    case 'severity': return isSeverity(e.severity);
    case 'target': return true;
    case 'note': return (!!e.values && typeof e.values === 'object') || e.pinnedTarget !== undefined;
    default: return false;
  }
}

/** The status entry that carries the incident as a whole (its declaration, or its sharing). */
export function snapshotEntry(entries: TimelineEntry[]): TimelineEntry | undefined {
  return entries.find((e) => e.kind === 'status' && !!e.incident && typeof e.incident === 'object');
}

function applySnapshot(i: Incident, s: IncidentSnapshot): void {
  if (typeof s.id === 'string' && !i.id) i.id = s.id;
  if (typeof s.title === 'string' && s.title) i.title = s.title;
  if (isSeverity(s.severity)) i.severity = s.severity;
  if (isStatus(s.status)) i.status = s.status;
  if (typeof s.createdAt === 'string') i.createdAt = s.createdAt;
  if (s.target !== undefined) i.target = s.target ?? null;
  for (const k of ['commander', 'impact', 'rootCause', 'resolution'] as const) if (typeof s[k] === 'string') i[k] = s[k];
  if (s.milestones && typeof s.milestones === 'object') {
    for (const [m, at] of Object.entries(s.milestones)) if (isMilestone(m) && typeof at === 'string') i.milestones[m] = at;
  }
}

function apply(i: Incident, e: TimelineEntry): void {
  switch (e.kind) {
    case 'status':
      if (e.incident && typeof e.incident === 'object') applySnapshot(i, e.incident);
      if (isStatus(e.incidentStatus)) {
        i.status = e.incidentStatus;
        // Reopened: the old resolution time no longer holds (it stays in the timeline).
        if (e.previousStatus === 'resolved' && e.incidentStatus !== 'resolved') delete i.milestones.resolved;
      }
      return;
    case 'milestone':
      if (isMilestone(e.milestone)) i.milestones[e.milestone] = e.time;
      return;
    case 'severity':
      if (isSeverity(e.severity)) i.severity = e.severity;
      return;
    case 'target':
      i.target = e.target ?? null;
      return;
    case 'note':
      if (e.pinnedTarget !== undefined) i.target = e.pinnedTarget ?? null;
      if (!e.values || typeof e.values !== 'object') return;
      for (const k of DETAIL_FIELDS) {
        const v = e.values[k];
        if (typeof v === 'string' && v) i[k] = v;
        else if (v === null || v === '') {
          // The title cannot be cleared; the other facts can.
          if (k !== 'title') delete i[k];
        }
      }
      return;
    default:
      return;
  }
}

/**
 * The incident's state: `base` (incident.json; for a folder that has none, nothing) with every
 * state-changing entry applied in (time, id) order. Undefined when there is neither a base nor
 * an entry that declares the incident. Fields the fold does not know are kept from the base.
 */
export function foldIncident(base: Incident | undefined, entries: TimelineEntry[], fallbackId: string): Incident | undefined {
  if (!base && !snapshotEntry(entries)) return undefined;
  const i: Incident = base
    ? { ...base, milestones: { ...base.milestones } }
    : { id: '', title: '', severity: 'P3', status: 'investigating', createdAt: '', milestones: {}, target: null };
  for (const e of entries.filter(changesState).sort(compareStateChanges)) apply(i, e);
  if (!i.id) i.id = fallbackId;
  if (!i.title) i.title = fallbackId;
  return i;
}

/** The incident as one value, for the entry that declares or shares it. Local-only fields are left out. */
export function snapshotOf(i: Incident): IncidentSnapshot {
  return {
    id: i.id,
    title: i.title,
    severity: i.severity,
    status: i.status,
    ...(i.commander ? { commander: i.commander } : {}),
    createdAt: i.createdAt,
    target: i.target ?? null,
    milestones: { ...i.milestones },
    ...(i.impact ? { impact: i.impact } : {}),
    ...(i.rootCause ? { rootCause: i.rootCause } : {}),
    ...(i.resolution ? { resolution: i.resolution } : {}),
  };
}
