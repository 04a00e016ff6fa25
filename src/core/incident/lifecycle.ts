/**
 * Incident lifecycle operations shared by the extension and the CLI. Each one updates
 * incident.json (under its lock) and appends to the timeline; nothing is rewritten.
 * Free text is redacted before it is stored.
 */
import type { Incident, IncidentStatus, MilestoneName, TimelineEntry } from './types';
import { createIncident, readIncident, updateIncident, type NewIncident } from './incidentStore';
import { appendEntry, newEntryId, readTimeline } from './timeline';
import { redactText } from './redaction/redact';
import { isPinMarker } from './pins';
import { describeEntry } from './entryText';
import { milestoneTimes } from './incidentDurations';

export const STATUSES: readonly IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'resolved'];
export const MILESTONES: readonly MilestoneName[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];

/** Statuses that imply a milestone when it is not recorded yet. */
const IMPLIED_MILESTONE: Partial<Record<IncidentStatus, MilestoneName>> = { monitoring: 'mitigated', resolved: 'resolved' };

export interface Who {
  actor?: string;
  now?: Date;
}

const clean = (text: string): string => redactText(text).text;

function entry(kind: TimelineEntry['kind'], who: Who, fields: Partial<TimelineEntry>): TimelineEntry {
  const now = who.now ?? new Date();
  return { id: newEntryId(now), time: now.toISOString(), kind, ...(who.actor ? { actor: who.actor } : {}), ...fields };
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
    ...entry('milestone', by, { milestone: 'started', recordedAt: now.toISOString(), text: `Milestone: started (start of impact${backdated ? `; declared ${now.toISOString()}` : ''})` }),
    time: started,
  });
  await appendEntry(created.dir, entry('status', by, {
    incidentStatus: 'investigating',
    text: `Incident started: ${created.incident.title} (${created.incident.severity}${created.incident.commander ? `, commander ${created.incident.commander}` : ''})`,
  }));
  return created;
}

export async function setStatus(dir: string, status: IncidentStatus, who: Who = {}): Promise<{ incident: Incident; implied: MilestoneName[] }> {
  if (!isStatus(status)) throw new Error(`status must be one of ${STATUSES.join(', ')} (got "${status}")`);
  const now = who.now ?? new Date();
  let previous: IncidentStatus | undefined;
  const implied: MilestoneName[] = [];
  const incident = await updateIncident(dir, (i) => {
    if (i.status === status) throw new Error(`the incident is already ${status}`);
    previous = i.status;
    i.status = status;
    const m = IMPLIED_MILESTONE[status];
    if (m && !i.milestones[m]) {
      i.milestones[m] = now.toISOString();
      implied.push(m);
    }
    // Reopened: the old resolution time no longer holds (it stays in the timeline).
    if (previous === 'resolved') delete i.milestones.resolved;
  });
  const by = { ...who, now };
  await appendEntry(dir, entry('status', by, { incidentStatus: status, previousStatus: previous, text: `Status: ${previous} → ${status}` }));
  for (const m of implied) {
    await appendEntry(dir, entry('milestone', by, { milestone: m, recordedAt: now.toISOString(), text: `Milestone: ${m} (with status ${status})` }));
  }
  return { incident, implied };
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
  let replaced: string | undefined;
  const incident = await updateIncident(dir, (i) => {
    replaced = i.milestones[name];
    i.milestones[name] = when;
  });
  const backdated = now.getTime() - Date.parse(when) > 60_000;
  const text = `Milestone: ${name}${backdated ? ` (backdated; recorded ${now.toISOString()})` : ''}${replaced ? ` — replaces ${replaced}` : ''}`;
  // The entry carries the milestone's own time so the timeline shows it where it happened.
  await appendEntry(dir, { ...entry('milestone', { ...who, now }, { milestone: name, recordedAt: now.toISOString(), text }), time: when });
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
  const e = entry('note', opts, {
    text: r.text,
    ...(opts.runbook ? { runbook: opts.runbook } : {}),
    ...(opts.line ? { line: opts.line } : {}),
    ...(opts.section?.length ? { section: opts.section } : {}),
    ...(Object.keys(r.counts).length ? { redactions: r.counts } : {}),
  });
  await appendEntry(dir, e);
  return e;
}

/** Appends a pin (or unpin) marker for an existing entry. */
export async function pinEntry(dir: string, entryId: string, who: Who & { unpin?: boolean } = {}): Promise<TimelineEntry> {
  await readIncident(dir);
  const { entries } = await readTimeline(dir);
  const target = entries.find((e) => e.id === entryId && !isPinMarker(e));
  if (!target) throw new Error(`no timeline entry with id "${entryId}" in ${dir}`);
  const e = entry('note', who, {
    pinOf: entryId,
    ...(who.unpin ? { unpin: true } : {}),
    text: `${who.unpin ? 'Unpinned' : 'Pinned'}: ${describeEntry(target)}`,
  });
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
  const incident = await updateIncident(dir, (i) => {
    for (const k of keys) {
      if (values[k]) i[k] = values[k];
      else delete i[k];
    }
  });
  const text = keys.map((k) => `${DETAIL_LABELS[k]}: ${values[k] || '(cleared)'}`).join('\n');
  await appendEntry(dir, entry('note', who, { text, details: keys }));
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
  const e = entry('notification', who, { template, channel, text: clean(text) });
  await appendEntry(dir, e);
  return e;
}
