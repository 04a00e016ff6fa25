import type { PromQueryData } from './prometheusTypes';

/** One row of a result table: a vector sample, or a matrix series reduced to last/min/max. */
export interface ResultRow {
  series: string;
  metric: Record<string, string>;
  /** The value as Prometheus wrote it (latest sample for range queries). */
  value: string;
  /** Unix seconds of that value. */
  time: number;
  points?: number;
  min?: string;
  max?: string;
}

/** `name{label="value", …}` as Prometheus prints series. */
export function seriesName(metric: Record<string, string>): string {
  const { __name__: name = '', ...labels } = metric;
  const inner = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(', ');
  return inner || !name ? `${name}{${inner}}` : name;
}

export function resultRows(data: PromQueryData): ResultRow[] {
  switch (data.resultType) {
    case 'vector':
      return data.result.map((s) => ({ series: seriesName(s.metric), metric: s.metric, value: s.value[1], time: s.value[0] }));
    case 'matrix':
      return data.result.map((s) => {
        const last = s.values[s.values.length - 1] ?? [0, 'NaN'];
        const nums = s.values.map((v) => Number(v[1])).filter((n) => !Number.isNaN(n));
        return {
          series: seriesName(s.metric),
          metric: s.metric,
          value: last[1],
          time: last[0],
          points: s.values.length,
          min: nums.length ? String(Math.min(...nums)) : 'NaN',
          max: nums.length ? String(Math.max(...nums)) : 'NaN',
        };
      });
    case 'scalar':
    case 'string':
      return [{ series: `(${data.resultType})`, metric: {}, value: data.result[1], time: data.result[0] }];
  }
}

export function seriesCount(data: PromQueryData): number {
  return data.resultType === 'vector' || data.resultType === 'matrix' ? data.result.length : 1;
}

/** Highest values first; NaN last. */
export function topRows(rows: ResultRow[], n: number): ResultRow[] {
  const key = (r: ResultRow) => (Number.isNaN(Number(r.value)) ? -Infinity : Number(r.value));
  return [...rows].sort((a, b) => key(b) - key(a)).slice(0, n);
}

/** The timeline's short account of a result: how many series and the top values. */
export function summarizeResult(data: PromQueryData, top = 5): string {
  const count = seriesCount(data);
  const rows = resultRows(data);
  const kind = data.resultType === 'matrix' ? 'range' : data.resultType;
  if (rows.length === 0) return `0 series (${kind}): empty result`;
  const shown = topRows(rows, top).map((r) => `${r.series} = ${r.value}`);
  const more = rows.length > top ? `; … ${rows.length - top} more` : '';
  const label = data.resultType === 'matrix' ? 'top latest values' : 'top values';
  return `${count} series (${kind}); ${label}: ${shown.join('; ')}${more}`;
}

/** A plain text table (for the CLI), widest column last so it wraps gracefully. */
export function formatResultTable(data: PromQueryData): string {
  const rows = resultRows(data);
  if (rows.length === 0) return '(empty result)';
  const matrix = data.resultType === 'matrix';
  const header = matrix ? ['LAST', 'MIN', 'MAX', 'POINTS', 'SERIES'] : ['VALUE', 'SERIES'];
  const body = rows.map((r) => (matrix ? [r.value, r.min ?? '', r.max ?? '', String(r.points ?? 0), r.series] : [r.value, r.series]));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(header), ...body.map(line)].join('\n');
}
