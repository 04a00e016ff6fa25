/** How often stakeholders get an update, per severity, and when the next one is due. */
import type { Incident, Severity, TimelineEntry } from './types';
import { parseDurationSpec } from './durationSpec';
import { resolvePerSeverity } from './severitySetting';
import { milestoneTimes } from './incidentDurations';
import { formatDuration } from './timeFormat';

/** Milliseconds between updates; 0 means no reminders. P0 follows the runbook's 15 minutes. */
export const DEFAULT_UPDATE_INTERVALS: Readonly<Record<Severity, number>> = {
  P0: 15 * 60_000,
  P1: 60 * 60_000,
  P2: 0,
  P3: 0,
};

export function resolveUpdateIntervals(overrides: unknown): { intervals: Record<Severity, number>; problems: string[] } {
  const { values, problems } = resolvePerSeverity(overrides, DEFAULT_UPDATE_INTERVALS, 'runbookLens.updateIntervals', parseDurationSpec, (ms) => (ms === 0 ? 'none' : formatDuration(ms)));
  return { intervals: values, problems };
}

/** The last message sent, if any. */
export function lastNotification(entries: readonly TimelineEntry[]): TimelineEntry | undefined {
  let last: TimelineEntry | undefined;
  for (const e of entries) if (e.kind === 'notification' && (!last || Date.parse(e.time) >= Date.parse(last.time))) last = e;
  return last;
}

/** When the next update is due, or undefined when no reminders apply (resolved, or interval 0). */
export function nextUpdateDue(incident: Incident, entries: readonly TimelineEntry[], intervals: Record<Severity, number>): Date | undefined {
  const every = intervals[incident.severity] ?? 0;
  if (!every || incident.status === 'resolved') return undefined;
  const from = lastNotification(entries)?.time ?? milestoneTimes(incident).started ?? incident.createdAt;
  return new Date(Date.parse(from) + every);
}
