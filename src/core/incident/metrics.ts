/**
 * Incident metrics across many incidents: response durations with mean and median by
 * severity, counts by severity and month, and the repeat rate (the same runbook block
 * failing again within 30 days).
 */
import type { Incident, Severity, TimelineEntry } from './types';
import { DURATION_NAMES, incidentDurations, milestoneTimes, type DurationName } from './incidentDurations';
import { isFailure } from './entryText';
import { SEVERITIES } from './severitySetting';
import { utcMonth } from './timeFormat';

export const REPEAT_WINDOW_DAYS = 30;

export interface IncidentRecord {
  /** Folder, relative to the metrics root. */
  dir: string;
  incident: Incident;
  entries: readonly TimelineEntry[];
}

export interface Stat {
  n: number;
  meanMs: number | null;
  medianMs: number | null;
}

export interface IncidentMetricsRow {
  dir: string;
  id: string;
  title: string;
  severity: Severity;
  status: string;
  started: string;
  month: string;
  durationsMs: Record<DurationName, number | null>;
  /** "runbook#block" keys of the runbook blocks that failed. */
  failingBlocks: string[];
  /** Earlier incidents (dirs) within the window that failed on one of the same blocks. */
  repeatOf: string[];
}

export interface MetricsReport {
  incidents: IncidentMetricsRow[];
  bySeverity: Record<Severity, { count: number } & Record<DurationName, Stat>>;
  overall: { count: number } & Record<DurationName, Stat>;
  byMonth: Record<string, Record<Severity, number> & { total: number }>;
  repeat: { windowDays: number; repeats: number; total: number; rate: number | null; blocks: { block: string; incidents: string[] }[] };
}

export function stat(values: readonly number[]): Stat {
  if (!values.length) return { n: 0, meanMs: null, medianMs: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: values.length, meanMs: values.reduce((a, b) => a + b, 0) / values.length, medianMs: median };
}

function failingBlocks(entries: readonly TimelineEntry[]): string[] {
  const keys = new Set<string>();
  for (const e of entries) if (isFailure(e) && e.runbook && e.block !== undefined) keys.add(`${e.runbook}#${e.block}`);
  return [...keys].sort();
}

function durationStats(rows: readonly IncidentMetricsRow[]): Record<DurationName, Stat> {
  const out = {} as Record<DurationName, Stat>;
  for (const name of DURATION_NAMES) out[name] = stat(rows.map((r) => r.durationsMs[name]).filter((v): v is number => v !== null));
  return out;
}

export function computeMetrics(records: readonly IncidentRecord[]): MetricsReport {
  const rows: IncidentMetricsRow[] = records
    .map((r) => {
      const started = milestoneTimes(r.incident).started ?? r.incident.createdAt;
      return {
        dir: r.dir,
        id: r.incident.id,
        title: r.incident.title,
        severity: r.incident.severity,
        status: r.incident.status,
        started,
        month: utcMonth(started),
        durationsMs: incidentDurations(r.incident),
        failingBlocks: failingBlocks(r.entries),
        repeatOf: [] as string[],
      };
    })
    .sort((a, b) => Date.parse(a.started) - Date.parse(b.started) || a.dir.localeCompare(b.dir));

  // Repeats: an incident repeats when an earlier one, started at most 30 days before, failed on a same block.
  const windowMs = REPEAT_WINDOW_DAYS * 86_400_000;
  const blockIncidents = new Map<string, Set<string>>();
  rows.forEach((row, i) => {
    const t = Date.parse(row.started);
    for (let j = i - 1; j >= 0 && t - Date.parse(rows[j].started) <= windowMs; j--) {
      const shared = row.failingBlocks.filter((b) => rows[j].failingBlocks.includes(b));
      if (!shared.length) continue;
      row.repeatOf.push(rows[j].dir);
      for (const b of shared) {
        const set = blockIncidents.get(b) ?? new Set<string>();
        set.add(rows[j].dir).add(row.dir);
        blockIncidents.set(b, set);
      }
    }
    row.repeatOf.reverse();
  });
  const repeats = rows.filter((r) => r.repeatOf.length).length;

  const bySeverity = {} as MetricsReport['bySeverity'];
  for (const sev of SEVERITIES) {
    const of = rows.filter((r) => r.severity === sev);
    bySeverity[sev] = { count: of.length, ...durationStats(of) };
  }
  const byMonth: MetricsReport['byMonth'] = {};
  for (const r of rows) {
    const m = (byMonth[r.month] ??= { P0: 0, P1: 0, P2: 0, P3: 0, total: 0 });
    m[r.severity] += 1;
    m.total += 1;
  }
  return {
    incidents: rows,
    bySeverity,
    overall: { count: rows.length, ...durationStats(rows) },
    byMonth,
    repeat: {
      windowDays: REPEAT_WINDOW_DAYS,
      repeats,
      total: rows.length,
      rate: rows.length ? repeats / rows.length : null,
      blocks: [...blockIncidents].map(([block, set]) => ({ block, incidents: [...set].sort() })).sort((a, b) => a.block.localeCompare(b.block)),
    },
  };
}
