/**
 * The status bar's line for the open incident. Its clock always counts from the start of
 * impact (`started`, see incidentDurations.ts), and stops when the incident is resolved; the
 * response target (detected → acknowledged) is shown beside it as a deadline, never as a clock.
 */
import type { Incident, Severity } from './types';
import { impactStart, milestoneTimes } from './incidentDurations';
import { responseState, type ResponseLevel, type ResponseTarget } from './responseTargets';
import { formatElapsed, formatUtcClock } from './timeFormat';

export interface StatusLine {
  text: string;
  /** Milliseconds since the start of impact (until resolved). */
  clockMs: number;
  /** Warn while waiting for acknowledgement: near (≥80 %) or missed. */
  level: ResponseLevel;
}

export function statusLine(incident: Incident, targets: Record<Severity, ResponseTarget>, now: Date): StatusLine {
  const s = responseState(incident, targets, now);
  const resolved = incident.status === 'resolved' ? milestoneTimes(incident).resolved : undefined;
  const clockMs = Math.max(0, (resolved ? Date.parse(resolved) : now.getTime()) - Date.parse(impactStart(incident)));
  const title = incident.title.length > 32 ? `${incident.title.slice(0, 31)}…` : incident.title;
  const head = `${incident.severity} ${title}`;
  if (incident.status === 'resolved') return { text: `$(pass) ${head} · resolved · ${formatElapsed(clockMs)}`, clockMs, level: s.level };
  if (s.acknowledgedAt) return { text: `$(flame) ${head} · ${incident.status} · ${formatElapsed(clockMs)}`, clockMs, level: s.level };
  const icon = s.level === 'missed' ? '$(error)' : s.level === 'near' ? '$(warning)' : '$(flame)';
  const due = s.level === 'missed' ? `ack overdue since ${formatUtcClock(s.deadline)}` : `ack by ${formatUtcClock(s.deadline)}`;
  return { text: `${icon} ${head} · ${formatElapsed(clockMs)} · ${due}`, clockMs, level: s.level };
}
