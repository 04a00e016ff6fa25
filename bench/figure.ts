import type { Samples } from './measure';

export interface FigureResult {
  id: string;
  figure: string;
  baseline: string;
  /** Measured value and baseline, in `unit`. */
  value: number;
  baselineValue: number;
  unit: 'ms' | 'MiB' | 'bytes';
  /** value / baseline (or the difference, for `kind: 'difference'`). */
  ratio: number | null;
  target: string;
  met: boolean;
  spread?: number;
  note?: string;
}

export interface Figure {
  id: string;
  run(): Promise<FigureResult>;
}

export function wideSpread(...s: Samples[]): number | undefined {
  const w = Math.max(...s.map((x) => x.spread));
  return w > 0.25 ? w : undefined;
}

/** Ours against a baseline in milliseconds: the medians' ratio, met when it is at most `limit` (none: information only). */
export function ratioFigure(what: { id: string; figure: string; baseline: string; target?: string; limit?: number }, ours: Samples, base: Samples): FigureResult {
  const ratio = ours.median / base.median;
  return {
    id: what.id, figure: what.figure, baseline: what.baseline,
    value: ours.median, baselineValue: base.median, unit: 'ms', ratio,
    target: what.target ?? (what.limit === undefined ? 'information' : `≤ ${what.limit}×`),
    met: what.limit === undefined || ratio <= what.limit,
    spread: wideSpread(ours, base),
  };
}
