/** Repeated timing with warm-up; medians and spread. */
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

/** Alternates two functions so drift in machine load hits both alike. */
export async function timePair(a: () => unknown, b: () => unknown, opts: { warmup?: number; runs?: number } = {}): Promise<[Samples, Samples]> {
  for (let i = 0; i < (opts.warmup ?? 2); i++) {
    await a();
    await b();
  }
  const va: number[] = [];
  const vb: number[] = [];
  for (let i = 0; i < (opts.runs ?? 7); i++) {
    let t0 = process.hrtime.bigint();
    await a();
    va.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    await b();
    vb.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return [summarize(va), summarize(vb)];
}
