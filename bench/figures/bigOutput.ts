import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Figure, FigureResult } from '../figure';
import { wideSpread } from '../figure';
import { summarize } from '../measure';

const MiB = 1024 * 1024;
// Log-like lines, not a single repeated byte, so redaction and line handling do real work.
const writer = (bytes: number) => `yes '2026-11-27T10:00:00Z INFO photon-compiler request served path=/api/v1/compile status=200 ms=12' | head -c ${bytes}`;
const child = path.resolve(__dirname, '../child/bigRun.ts');

function ours(bytes: number): { ms: number; maxRssKiB: number; outputBytes: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, writer(bytes)], { encoding: 'utf8', maxBuffer: 16 * MiB });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

function bashToFile(bytes: number): number {
  const file = path.join(os.tmpdir(), `rl-bench-${process.pid}.log`);
  const t0 = process.hrtime.bigint();
  spawnSync('bash', ['-c', `${writer(bytes)} > ${file}`]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.rmSync(file, { force: true });
  return ms;
}

let peaks: { big: number; small: number } | undefined;

export const bigOutputTime: Figure = {
  id: 'output-256mib',
  async run(): Promise<FigureResult> {
    const bytes = 256 * MiB;
    const o: number[] = [];
    const b: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = ours(bytes);
      if (r.outputBytes < bytes * 0.99) throw new Error(`output file holds ${r.outputBytes} bytes, expected ${bytes}`);
      o.push(r.ms);
      rss.push(r.maxRssKiB);
      b.push(bashToFile(bytes));
    }
    const so = summarize(o);
    const sb = summarize(b);
    const small: number[] = [];
    for (let i = 0; i < 3; i++) small.push(ours(16 * MiB).maxRssKiB);
    peaks = { big: summarize(rss).median / 1024, small: summarize(small).median / 1024 };
    const ratio = so.median / sb.median;
    return {
      id: this.id,
      figure: 'A block writing 256 MiB to stdout, run and recorded',
      baseline: 'bash -c of the same command, writing to a file',
      value: so.median, baselineValue: sb.median, unit: 'ms', ratio,
      target: '≤ 1.25× wall time', met: ratio <= 1.25, spread: wideSpread(so, sb),
    };
  },
};

export const bigOutputMemory: Figure = {
  id: 'output-peak-memory',
  async run(): Promise<FigureResult> {
    if (!peaks) throw new Error('run output-256mib first');
    const more = peaks.big - peaks.small;
    return {
      id: this.id,
      figure: 'Peak memory (RSS) of that run',
      baseline: 'the same run with 16 MiB of output',
      value: peaks.big, baselineValue: peaks.small, unit: 'MiB', ratio: peaks.big / peaks.small,
      target: '< 32 MiB more', met: more < 32, note: `${more.toFixed(1)} MiB more`,
    };
  },
};
