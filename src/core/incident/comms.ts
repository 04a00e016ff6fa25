/**
 * The reference runbook's three communication templates (initial notification,
 * progress update, resolution), filled from the incident and its timeline.
 * Text is Slack-flavoured plain text; it is redacted before it is returned.
 */
import type { Incident, IncidentStatus, TimelineEntry } from './types';
import { redactText } from './redaction/redact';
import { describeEntry, isFailure } from './entryText';
import { formatDuration, formatUtc, formatUtcClock } from './timeFormat';
import { incidentDurations, milestoneTimes } from './incidentDurations';
import { isPinMarker, pinnedIds, sortByTime } from './pins';
import { lastNotification } from './updateCadence';

export type MessageKind = 'initial' | 'update' | 'resolution';
export const MESSAGE_KINDS: readonly MessageKind[] = ['initial', 'update', 'resolution'];

export interface MessageInput {
  incident: Incident;
  entries: readonly TimelineEntry[];
  now: Date;
  /** Milliseconds until the next update; 0 leaves the line out. */
  updateIntervalMs: number;
  /** Where the post-mortem is (a path or link), for the resolution message. */
  postmortemRef?: string;
}

/** At most this many "actions taken" lines; the rest are counted. */
export const MAX_ACTIONS = 8;

const upper = (s: IncidentStatus): string => s.toUpperCase();
const mention = (name: string | undefined): string => (name ? (name.startsWith('@') ? name : `@${name}`) : 'not assigned');

export function composeMessage(kind: MessageKind, input: MessageInput): string {
  // Only the kind asked for: anything else is an error, never the resolution notice.
  const render = { initial, update, resolution }[kind as string];
  if (!MESSAGE_KINDS.includes(kind) || !render) throw new Error(`the message must be one of ${MESSAGE_KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
  return redactText(render(input)).text;
}

function nextUpdateLine(input: MessageInput): string[] {
  if (!input.updateIntervalMs) return [];
  const at = new Date(input.now.getTime() + input.updateIntervalMs);
  return [`Next Update: ${formatDuration(input.updateIntervalMs)} (${formatUtcClock(at)})`];
}

function initial(input: MessageInput): string {
  const { incident } = input;
  const started = milestoneTimes(incident).started ?? incident.createdAt;
  return [
    `🚨 INCIDENT: ${incident.title} - ${incident.severity}`,
    '',
    `Status: ${upper(incident.status)}`,
    `Started: ${formatUtc(started, false)}`,
    `Impact: ${incident.impact ?? 'Being assessed'}`,
    'ETA: TBD',
    '',
    `IC: ${mention(incident.commander)}`,
    ...(incident.target ? [`Cluster: ${incident.target.context} / ${incident.target.namespace}`] : []),
    '',
    ...nextUpdateLine(input),
  ].join('\n').trimEnd() + '\n';
}

function update(input: MessageInput): string {
  const { incident } = input;
  const since = lastNotification(input.entries)?.time;
  const before = since ? statusAt(input.entries, since) : 'investigating';
  const statusLine = before !== incident.status ? `${upper(before)} → ${upper(incident.status)}` : upper(incident.status);
  const actions = actionsTaken(input.entries, since);
  return [
    `📊 INCIDENT UPDATE - ${formatUtc(input.now, false)}`,
    `${incident.title} (${incident.severity})`,
    '',
    `Status: ${statusLine}`,
    `Root Cause: ${incident.rootCause ?? 'Under investigation'}`,
    ...(actions.length ? ['Actions Taken:', ...actions] : ['Actions Taken: none recorded since the last update']),
    '',
    `Current Status: ${currentStatusText(incident.status)}`,
    ...nextUpdateLine(input),
  ].join('\n') + '\n';
}

function resolution(input: MessageInput): string {
  const { incident } = input;
  const ms = milestoneTimes(incident);
  const resolvedAt = ms.resolved ?? input.now.toISOString();
  const duration = incidentDurations({ ...incident, milestones: { ...ms, resolved: resolvedAt } }).resolve;
  const actions = incident.resolution ? [] : actionsTaken(input.entries, undefined, 5);
  return [
    `✅ INCIDENT RESOLVED - ${formatUtc(resolvedAt, false)}`,
    `${incident.title} (${incident.severity})`,
    '',
    `Duration: ${duration === null ? 'unknown' : formatDuration(duration)}`,
    `Root Cause: ${incident.rootCause ?? 'To be confirmed in the post-mortem'}`,
    ...(incident.resolution ? [`Resolution: ${incident.resolution}`] : ['Resolution:', ...(actions.length ? actions : ['- see the incident timeline'])]),
    '',
    `Impact: ${incident.impact ?? 'To be confirmed in the post-mortem'}`,
    'Prevention: action items will be tracked in the post-mortem',
    '',
    'Post-mortem scheduled for: TBD',
    `Document: ${input.postmortemRef ?? 'post-mortem to follow'}`,
  ].join('\n') + '\n';
}

function currentStatusText(status: IncidentStatus): string {
  switch (status) {
    case 'investigating': return 'Investigating the cause';
    case 'identified': return 'Cause identified, working on a fix';
    case 'monitoring': return 'Fix applied, monitoring for stability';
    case 'resolved': return 'Resolved';
  }
}

/** The status in force at `time`, from status entries (incidents start investigating). */
function statusAt(entries: readonly TimelineEntry[], time: string): IncidentStatus {
  let status: IncidentStatus = 'investigating';
  for (const e of sortByTime(entries)) {
    if (Date.parse(e.time) > Date.parse(time)) break;
    if (e.kind === 'status' && e.incidentStatus) status = e.incidentStatus;
  }
  return status;
}

/** What counts as an action: runs, notes people wrote, and reaching mitigation or resolution. */
function isAction(e: TimelineEntry): boolean {
  if (e.kind === 'command' || e.kind === 'query') return true;
  if (e.kind === 'note') return !isPinMarker(e) && !e.details;
  return e.kind === 'milestone' && (e.milestone === 'mitigated' || e.milestone === 'resolved');
}

/**
 * "- …" lines for what was done after `since`: commands (the latest run of each),
 * notes and the mitigated/resolved milestones. When there are too many, pinned entries, milestones, notes
 * and failures are kept first; the rest are counted.
 */
export function actionsTaken(entries: readonly TimelineEntry[], since: string | undefined, max = MAX_ACTIONS): string[] {
  const after = since ? Date.parse(since) : -Infinity;
  const pinned = pinnedIds(entries);
  const candidates = sortByTime(entries).filter((e) => Date.parse(e.time) > after && isAction(e));
  // The latest run of each command stands for the repeats.
  const latest = new Map<string, TimelineEntry>();
  for (const e of candidates) if (e.command) latest.set(e.command, e);
  const unique = candidates.filter((e) => !e.command || latest.get(e.command) === e);
  const score = (e: TimelineEntry): number =>
    (pinned.has(e.id) ? 8 : 0) + (e.kind === 'milestone' || e.kind === 'note' ? 4 : 0) + (isFailure(e) ? 2 : 0);
  const chosen = new Set(
    unique.map((e, i) => ({ e, i })).sort((a, b) => score(b.e) - score(a.e) || b.i - a.i).slice(0, max).map((x) => x.e),
  );
  const lines = unique.filter((e) => chosen.has(e)).map((e) => `- ${describeEntry(e)}`);
  if (unique.length > chosen.size) lines.push(`- … and ${unique.length - chosen.size} more in the incident timeline`);
  return lines;
}
