/**
 * Incident lifecycle operations shared by the extension and the CLI. Every change of the
 * incident's state is an entry appended to the timeline (the state is folded from it, see
 * incidentState.ts); incident.json is rewritten from the timeline as a cache. Nothing is rewritten
 * in the timeline. Free text is redacted before it is stored.
 */
import type { Incident, IncidentStatus, MilestoneName, Severity, TimelineEntry } from './types';
import type { KubeTarget } from '../kube/types';
import { createIncident, readIncident, recordChange, SEVERITIES, type NewIncident } from './incidentStore';
import { appendEntry, newEntryId, readTimeline } from './timeline';
import { redactText } from './redaction/redact';
import { isPinMarker } from './pins';
import { describeEntry } from './entryText';
import { milestoneTimes } from './incidentDurations';
import { snapshotEntry, snapshotOf } from './incidentState';

export const STATUSES: readonly IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'resolved'];
export const MILESTONES: readonly MilestoneName[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];

/** Statuses that imply a milestone when it is not recorded yet. */
const IMPLIED_MILESTONE: Partial<Record<IncidentStatus, MilestoneName>> = { monitoring: 'mitigated', resolved: 'resolved' };

export interface Who {
  actor?: string;
  now?: Date;
}

const clean = (text: string): string => redactText(text).text;

/** The fields every entry starts with: id, time and who. */
function stamp(who: Who): { id: string; time: string; actor?: string } {
  const now = who.now ?? new Date();
  return { id: newEntryId(now), time: now.toISOString(), ...(who.actor ? { actor: who.actor } : {}) };
}

export function isStatus(v: unknown): v is IncidentStatus {
  return typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
}

export function isMilestone(v: unknown): v is MilestoneName {
  return typeof v === 'string' && (MILESTONES as readonly string[]).includes(v);
}

export async function startIncident(root: string, fields: NewIncident, who: Who = {}): Promise<{ dir: string; incident: Incident }> {
  const now = who.now ?? new Date();
  if (fields.impactStart && fields.impactStart.getTime() > now.getTime() + 60_000) throw new Error(`the start of impact (${fields.impactStart.toISOString()}) is in the future`);
  const created = await createIncident(root, { ...fields, title: clean(fields.title), commander: fields.commander && clean(fields.commander) }, now);
  const by = { ...who, now };
  // `started` is the start of impact: dated when it began, recorded when the incident was declared.
  const started = created.incident.milestones.started!;
  const backdated = now.getTime() - Date.parse(started) > 60_000;
  await appendEntry(created.dir, {
    ...stamp(by),
    kind: 'milestone',
    milestone: 'started',
    recordedAt: now.toISOString(),
    text: `Milestone: started (start of impact${backdated ? `; declared ${now.toISOString()}` : ''})`,
    time: started,
  });
  // The declaration carries the whole incident, so a teammate's replica can fold it without incident.json.
  await appendEntry(created.dir, {
    ...stamp(by),
    kind: 'status',
    incidentStatus: 'investigating',
    incident: snapshotOf(created.incident),
    text: `Incident started: ${created.incident.title} (${created.incident.severity}${created.incident.commander ? `, commander ${created.incident.commander}` : ''})`,
  });
  return created;
}

/**
 * Before an incident from before the timeline held its state goes to a team: one entry with the
 * whole incident, so replicas that never had its incident.json know its title, severity and the rest.
 */
export async function declareForSharing(dir: string, who: Who = {}): Promise<TimelineEntry | undefined> {
  const { entries } = await readTimeline(dir);
  if (snapshotEntry(entries)) return undefined;
  const { entries: added } = await recordChange(dir, (i): TimelineEntry[] => [{
    ...stamp(who),
    kind: 'status',
    incidentStatus: i.status,
    incident: snapshotOf(i),
    text: `Incident shared with the team: ${i.title} (${i.severity}, ${i.status})`,
  }]);
  return added[0];
}

export async function setStatus(dir: string, status: IncidentStatus, who: Who = {}): Promise<{ incident: Incident; implied: MilestoneName[] }> {
  if (!isStatus(status)) throw new Error(`status must be one of ${STATUSES.join(', ')} (got "${status}")`);
  const now = who.now ?? new Date();
  const by = { ...who, now };
  const implied: MilestoneName[] = [];
  const { incident } = await recordChange(dir, (i) => {
    if (i.status === status) throw new Error(`the incident is already ${status}`);
    const previous = i.status;
    const out: TimelineEntry[] = [{ ...stamp(by), kind: 'status', incidentStatus: status, previousStatus: previous, text: `Status: ${previous} → ${status}` }];
    const m = IMPLIED_MILESTONE[status];
    // (Reopening clears the old resolution: the status entry says it was resolved before.)
    if (m && !i.milestones[m]) implied.push(m);
    for (const name of implied) {
      out.push({ ...stamp(by), kind: 'milestone', milestone: name, recordedAt: now.toISOString(), text: `Milestone: ${name} (with status ${status})` });
    }
    return out;
  });
  return { incident, implied };
}

export async function setSeverity(dir: string, severity: Severity, who: Who = {}): Promise<Incident> {
  if (!SEVERITIES.includes(severity)) throw new Error(`severity must be one of ${SEVERITIES.join(', ')} (got "${severity}")`);
  const { incident } = await recordChange(dir, (i): TimelineEntry[] => {
    if (i.severity === severity) throw new Error(`the incident is already ${severity}`);
    return [{ ...stamp(who), kind: 'severity', severity, previousSeverity: i.severity, text: `Severity: ${i.severity} → ${severity}` }];
  });
  return incident;
}

/** Pins the cluster target every later run of the incident goes to (the change is a note that carries it). */
export async function pinTarget(dir: string, target: KubeTarget, who: Who = {}): Promise<Incident> {
  const name = (t: KubeTarget) => `${t.context}/${t.namespace}`;
  const { incident } = await recordChange(dir, (i): TimelineEntry[] => {
    const from = i.target;
    if (from && from.context === target.context && from.namespace === target.namespace && from.cluster === target.cluster) return [];
    return [{ ...stamp(who), kind: 'note', pinnedTarget: target, text: from ? `Cluster target changed from ${name(from)} to ${name(target)}` : `Cluster target set to ${name(target)}` }];
  });
  return incident;
}

/**
 * Order the milestones should be in; a violation is a warning, since backdating can fix it later.
 * `started` is read as the start of impact (see milestoneTimes): a detection before it moves the
 * start earlier instead of being a contradiction.
 */
function orderWarnings(incident: Incident): string[] {
  const ms = milestoneTimes(incident);
  const out: string[] = [];
  for (let i = 0; i < MILESTONES.length; i++) {
    for (let j = i + 1; j < MILESTONES.length; j++) {
      const a = ms[MILESTONES[i]];
      const b = ms[MILESTONES[j]];
      if (a && b && Date.parse(b) < Date.parse(a)) out.push(`${MILESTONES[j]} (${b}) is before ${MILESTONES[i]} (${a})`);
    }
  }
  return out;
}

export async function markMilestone(dir: string, name: MilestoneName, at: Date | undefined, who: Who = {}): Promise<{ incident: Incident; warnings: string[] }> {
  if (!isMilestone(name)) throw new Error(`milestone must be one of ${MILESTONES.join(', ')} (got "${name}")`);
  const now = who.now ?? new Date();
  const when = (at ?? now).toISOString();
  const { incident } = await recordChange(dir, (i): TimelineEntry[] => {
    const replaced = i.milestones[name];
    const backdated = now.getTime() - Date.parse(when) > 60_000;
    const text = `Milestone: ${name}${backdated ? ` (backdated; recorded ${now.toISOString()})` : ''}${replaced ? ` — replaces ${replaced}` : ''}`;
    // The entry carries the milestone's own time so the timeline shows it where it happened.
    return [{ ...stamp({ ...who, now }), kind: 'milestone', milestone: name, recordedAt: now.toISOString(), text, time: when }];
  });
  return { incident, warnings: orderWarnings(incident) };
}

export interface NoteOptions extends Who {
  runbook?: string;
  line?: number;
  section?: string[];
}

export async function addNote(dir: string, text: string, opts: NoteOptions = {}): Promise<TimelineEntry> {
  const body = text.replace(/\s+$/, '');
  if (!body.trim()) throw new Error('a note needs some text');
  await readIncident(dir); // a clear error when dir is not an incident folder
  const r = redactText(body);
  const e: TimelineEntry = {
    ...stamp(opts),
    kind: 'note',
    text: r.text,
    ...(opts.runbook ? { runbook: opts.runbook } : {}),
    ...(opts.line ? { line: opts.line } : {}),
    ...(opts.section?.length ? { section: opts.section } : {}),
    ...(Object.keys(r.counts).length ? { redactions: r.counts } : {}),
  };
  await appendEntry(dir, e);
  return e;
}

/** Appends a pin (or unpin) marker for an existing entry. */
export async function pinEntry(dir: string, entryId: string, who: Who & { unpin?: boolean } = {}): Promise<TimelineEntry> {
  await readIncident(dir);
  const { entries } = await readTimeline(dir);
  const target = entries.find((e) => e.id === entryId && !isPinMarker(e));
  if (!target) throw new Error(`no timeline entry with id "${entryId}" in ${dir}`);
  const e: TimelineEntry = {
    ...stamp(who),
    kind: 'note',
    pinOf: entryId,
    ...(who.unpin ? { unpin: true } : {}),
    text: `${who.unpin ? 'Unpinned' : 'Pinned'}: ${describeEntry(target)}`,
  };
  await appendEntry(dir, e);
  return e;
}

export interface IncidentDetails {
  title?: string;
  commander?: string;
  impact?: string;
  rootCause?: string;
  resolution?: string;
}

const DETAIL_LABELS: Record<keyof IncidentDetails, string> = {
  title: 'Title', commander: 'Commander', impact: 'Impact', rootCause: 'Root cause', resolution: 'Resolution',
};

/** Sets the free-text facts used by the messages and the post-mortem; each change is noted in the timeline. */
export async function setDetails(dir: string, details: IncidentDetails, who: Who = {}): Promise<Incident> {
  const keys = (Object.keys(DETAIL_LABELS) as (keyof IncidentDetails)[]).filter((k) => details[k] !== undefined);
  if (!keys.length) throw new Error('nothing to set (use --title, --commander, --impact, --root-cause or --resolution)');
  const values = Object.fromEntries(keys.map((k) => [k, clean(details[k]!.trim())])) as IncidentDetails;
  if (values.title === '') throw new Error('the title cannot be empty');
  const text = keys.map((k) => `${DETAIL_LABELS[k]}: ${values[k] || '(cleared)'}`).join('\n');
  const set = Object.fromEntries(keys.map((k) => [k, values[k] || null]));
  const { incident } = await recordChange(dir, (): TimelineEntry[] => [{ ...stamp(who), kind: 'note', text, details: keys, values: set }]);
  return incident;
}

/** Records a message that went out (after Slack accepted it, or after it was copied to post by hand). */
export async function recordNotification(
  dir: string,
  template: NonNullable<TimelineEntry['template']>,
  text: string,
  channel: string,
  who: Who = {},
): Promise<TimelineEntry> {
  const e: TimelineEntry = { ...stamp(who), kind: 'notification', template, channel, text: clean(text) };
  await appendEntry(dir, e);
  return e;
}
