/**
 * The incident metrics, defined here once and used by the metrics view, the post-mortem, the
 * messages, `incident show` and the status bar:
 *
 *   MTTD  time to detect       started (start of impact) → detected (first alert or report)
 *   MTTA  time to acknowledge  detected → acknowledged (a responder took it; the response target)
 *   MTTM  time to mitigate     started → mitigated (the impact stopped)
 *   MTTR  time to resolve      started → resolved
 *
 * `started` is the start of impact, asked by Start Incident (now, a typed time or the earliest
 * alert). Impact cannot begin after it was detected, so when `detected` is earlier, the start of
 * impact is `detected` (e.g. an incident declared after an alert fired): time to detect is then 0,
 * never "—", and mitigation and resolution count from the alert.
 */
import type { Incident, MilestoneName } from './types';

export type DurationName = 'detect' | 'acknowledge' | 'mitigate' | 'resolve';

export const DURATION_SPANS: Readonly<Record<DurationName, { from: MilestoneName; to: MilestoneName; label: string; abbr: string }>> = {
  detect: { from: 'started', to: 'detected', label: 'Time to detect', abbr: 'MTTD' },
  acknowledge: { from: 'detected', to: 'acknowledged', label: 'Time to acknowledge', abbr: 'MTTA' },
  mitigate: { from: 'started', to: 'mitigated', label: 'Time to mitigate', abbr: 'MTTM' },
  resolve: { from: 'started', to: 'resolved', label: 'Time to resolve', abbr: 'MTTR' },
};

export const DURATION_NAMES = Object.keys(DURATION_SPANS) as DurationName[];

/**
 * Milestone times as the metrics read them: `started` is the start of impact — the recorded
 * `started` (else the incident's creation time), or `detected` when that is earlier.
 */
export function milestoneTimes(incident: Incident): Partial<Record<MilestoneName, string>> {
  const ms = { ...(incident.milestones ?? {}) };
  if (!ms.started && incident.createdAt) ms.started = incident.createdAt;
  if (ms.detected && (!ms.started || Date.parse(ms.detected) < Date.parse(ms.started))) ms.started = ms.detected;
  return ms;
}

/** The start of impact (see milestoneTimes); the status-bar clock counts from it. */
export function impactStart(incident: Incident): string {
  return milestoneTimes(incident).started ?? incident.createdAt;
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
