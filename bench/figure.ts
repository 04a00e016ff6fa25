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
