/**
 * The four response durations, from incident.json milestones.
 * Detect, mitigate and resolve count from `started` (the start of impact);
 * acknowledge counts from `detected` (the alert), as MTTA usually does.
 */
import type { Incident, MilestoneName } from './types';

export type DurationName = 'detect' | 'acknowledge' | 'mitigate' | 'resolve';

export const DURATION_SPANS: Readonly<Record<DurationName, { from: MilestoneName; to: MilestoneName; label: string }>> = {
  detect: { from: 'started', to: 'detected', label: 'Time to detect' },
  acknowledge: { from: 'detected', to: 'acknowledged', label: 'Time to acknowledge' },
  mitigate: { from: 'started', to: 'mitigated', label: 'Time to mitigate' },
  resolve: { from: 'started', to: 'resolved', label: 'Time to resolve' },
};

export const DURATION_NAMES = Object.keys(DURATION_SPANS) as DurationName[];

/** Milestone times; `started` falls back to the incident's creation time. */
export function milestoneTimes(incident: Incident): Partial<Record<MilestoneName, string>> {
  const ms = { ...(incident.milestones ?? {}) };
  if (!ms.started && incident.createdAt) ms.started = incident.createdAt;
  return ms;
}

/** Milliseconds per duration, or null when a milestone is missing or the order is impossible. */
export function incidentDurations(incident: Incident): Record<DurationName, number | null> {
  const ms = milestoneTimes(incident);
  const out = {} as Record<DurationName, number | null>;
  for (const name of DURATION_NAMES) {
    const { from, to } = DURATION_SPANS[name];
    const a = ms[from] ? Date.parse(ms[from]!) : NaN;
    const b = ms[to] ? Date.parse(ms[to]!) : NaN;
    out[name] = Number.isFinite(a) && Number.isFinite(b) && b >= a ? b - a : null;
  }
  return out;
}
