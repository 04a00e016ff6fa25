import { parsePromDuration, formatPromDuration } from './promDuration';

/** How a promql block runs: an instant query, or a range query ending now. */
export type QuerySpec =
  | { mode: 'instant' }
  | { mode: 'range'; rangeMs: number; stepMs: number };

/** Prometheus refuses more points than this per series. */
const MAX_POINTS = 11_000;
/** Points aimed for when `step` is not given (a readable chart). */
const DEFAULT_POINTS = 250;

/** Reads `range=30m step=30s` from a block's attributes. Throws a one-line error on bad values. */
export function querySpecFrom(attributes: { range?: string; step?: string }): QuerySpec {
  const { range, step } = attributes;
  if (range === undefined || range.trim() === '') {
    if (step !== undefined) throw new Error(`step=${step} needs a range (e.g. range=30m step=${step})`);
    return { mode: 'instant' };
  }
  const rangeMs = parsePromDuration(range, 'range');
  if (rangeMs <= 0) throw new Error('range must be longer than 0s');
  const stepMs = step === undefined ? defaultStepMs(rangeMs) : parsePromDuration(step, 'step');
  if (stepMs <= 0) throw new Error('step must be longer than 0s');
  if (rangeMs / stepMs > MAX_POINTS) {
    throw new Error(`range=${range} with step=${formatPromDuration(stepMs)} asks for more than ${MAX_POINTS} points per series; use a larger step`);
  }
  return { mode: 'range', rangeMs, stepMs };
}

export function defaultStepMs(rangeMs: number): number {
  return Math.max(1000, Math.ceil(rangeMs / DEFAULT_POINTS / 1000) * 1000);
}

export function describeSpec(spec: QuerySpec): string {
  return spec.mode === 'instant' ? 'instant' : `range ${formatPromDuration(spec.rangeMs)} step ${formatPromDuration(spec.stepMs)}`;
}
