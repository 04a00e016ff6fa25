import type { PromqlOutcome } from './promqlRun';
import { outcomeSummary } from './promqlRun';
import { describeSpec } from './promqlSpec';
import { resultRows, seriesName, topRows, type ResultRow } from './queryResult';

/** What the query webview draws: plain data, capped so a huge result cannot freeze the editor. */
export interface QueryView {
  title: string;
  query: string;
  prometheus: string;
  how: string;
  time: string;
  durationMs: number;
  summary: string;
  error?: string;
  warnings: string[];
  resultType?: string;
  rows: ResultRow[];
  rowsTotal: number;
  /** Range queries: one line per series, points as [unix ms, value or null for NaN/±Inf]. */
  chart?: { series: { name: string; points: [number, number | null][] }[]; total: number };
  entryId?: string;
  outputFile?: string;
}

export const MAX_TABLE_ROWS = 1000;
export const MAX_CHART_SERIES = 30;

function finite(v: string): number | null {
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function buildQueryView(o: PromqlOutcome, title: string, recorded?: { id: string; outputFile?: string }): QueryView {
  const data = o.response?.data;
  const rows = data ? resultRows(data) : [];
  const view: QueryView = {
    title,
    query: o.query,
    // Found in the cluster: say which Service answered.
    prometheus: o.prometheusService ? `${o.prometheusUrl} (Service ${o.prometheusService}, through the API server)` : o.prometheusUrl,
    how: o.spec ? describeSpec(o.spec) : 'instant',
    time: o.startedAt.toISOString(),
    durationMs: o.durationMs,
    summary: outcomeSummary(o),
    ...(o.error ? { error: o.error } : {}),
    warnings: o.response?.warnings ?? [],
    ...(data ? { resultType: data.resultType } : {}),
    rows: rows.slice(0, MAX_TABLE_ROWS),
    rowsTotal: rows.length,
    ...(recorded ? { entryId: recorded.id, outputFile: recorded.outputFile } : {}),
  };
  if (data?.resultType === 'matrix') {
    // The highest series are the interesting ones during an incident.
    const keep = new Set(topRows(rows, MAX_CHART_SERIES).map((r) => r.series));
    view.chart = {
      total: data.result.length,
      series: data.result
        .filter((s) => keep.has(seriesName(s.metric)))
        .map((s) => ({ name: seriesName(s.metric), points: s.values.map(([t, v]) => [Math.round(t * 1000), finite(v)] as [number, number | null]) })),
    };
  }
  return view;
}
