// Repeated timing with warm-up; medians and spread.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let fullGc: (() => void) | undefined;
/** A full collection, untimed: each timed run then pays for its own garbage, not the other side's. */
function collect(): void {
  if (!fullGc) {
    setFlagsFromString('--expose-gc');
    fullGc = runInNewContext('gc') as () => void;
  }
  fullGc();
}

export interface Samples {
  median: number;
  min: number;
  max: number;
  /** (max - min) / median */
  spread: number;
  runs: number;
}

export function summarize(values: number[]): Samples {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], spread: median > 0 ? (s[s.length - 1] - s[0]) / median : 0, runs: s.length };
}

export async function timeIt(fn: () => unknown, opts: { warmup?: number; runs?: number } = {}): Promise<Samples> {
  for (let i = 0; i < (opts.warmup ?? 2); i++) await fn();
  const values: number[] = [];
  for (let i = 0; i < (opts.runs ?? 7); i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    values.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return summarize(values);
}

/**
 * Alternates two functions so drift in machine load hits both alike. `collect`: a full GC before
 * each timed run, for work whose garbage would otherwise be collected during the other's run.
 */
export async function timePair(a: () => unknown, b: () => unknown, opts: { warmup?: number; runs?: number; collect?: boolean } = {}): Promise<[Samples, Samples]> {
  for (let i = 0; i < (opts.warmup ?? 2); i++) {
    await a();
    await b();
  }
  const va: number[] = [];
  const vb: number[] = [];
  for (let i = 0; i < (opts.runs ?? 7); i++) {
    if (opts.collect) collect();
    let t0 = process.hrtime.bigint();
    await a();
    va.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (opts.collect) collect();
    t0 = process.hrtime.bigint();
    await b();
    vb.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return [summarize(va), summarize(vb)];
}
