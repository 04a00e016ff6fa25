// 256 MiB of output as a user runs it: the built CLI, a whole process, against `bash -c '… > file'`
// measured alternately in the same run; peak RSS of the CLI at 256 vs 16 MiB (GNU time's %M).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Figure, FigureResult } from '../figure';
import { ratioFigure } from '../figure';
import { summarize, type Samples } from '../measure';
import { bundleCli } from '../../test/support/bundleCli';

const MiB = 1024 * 1024;
const writer = (bytes: number) => `yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c ${bytes}`;
const RUNS = 5;
const BASH = "bash -c '… > file', whole process";
const TIME = '/usr/bin/time';

interface Sample { ms: number; rssKiB: number }

let work: { dir: string; cli: string } | undefined;
async function setup(): Promise<{ dir: string; cli: string }> {
  if (work) return work;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-big-'));
  work = { dir, cli: await bundleCli(path.join(dir, 'cli')) };
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return work;
}

/** One whole `runbook-lens run` in a fresh incident folder; `pipe`: stdout read by `cat > /dev/null`. */
function cli(bytes: number, pipe: boolean): Sample {
  const { dir, cli: js } = work!;
  const runbook = path.join(dir, `big-${bytes}.md`);
  fs.writeFileSync(runbook, '# Big\n\n```bash\n' + writer(bytes) + '\n```\n');
  const incident = path.join(dir, 'incident');
  fs.rmSync(incident, { recursive: true, force: true });
  const run = `'${process.execPath}' '${js}' run '${runbook}' --block 1 --incident '${incident}' 2>/dev/null`;
  const timed = fs.existsSync(TIME) ? `${TIME} -f '%M' -o '${dir}/rss' ${run}` : run;
  const t0 = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', pipe ? `${timed} | cat > /dev/null` : `${timed} > /dev/null`]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`runbook-lens run exited ${r.status}`);
  const log = fs.readdirSync(path.join(incident, 'outputs'))[0];
  const size = fs.statSync(path.join(incident, 'outputs', log)).size;
  if (size !== bytes) throw new Error(`output file holds ${size} bytes, expected ${bytes}`);
  // Gone before the baseline runs, as the baseline's file is: left, its dirty pages' writeback
  // slowed the next bash run (medians 480–520 ms against 250–270 beside the node floor).
  fs.rmSync(incident, { recursive: true, force: true });
  const rssKiB = fs.existsSync(`${dir}/rss`) ? Number(fs.readFileSync(`${dir}/rss`, 'utf8').trim().split('\n').pop()) : NaN;
  return { ms, rssKiB };
}

function bashToFile(bytes: number): number {
  const file = path.join(work!.dir, 'bash.log');
  const t0 = process.hrtime.bigint();
  spawnSync('bash', ['-c', `${writer(bytes)} > '${file}'`]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.rmSync(file, { force: true });
  return ms;
}

/** `ours` (ms) and the bash baseline at 256 MiB, alternated RUNS times. */
function againstBash(ours: () => number): [Samples, Samples] {
  const o: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    o.push(ours());
    b.push(bashToFile(256 * MiB));
  }
  return [summarize(o), summarize(b)];
}

let peaks: { big: number; small: number } | undefined;

function figure(id: string, pipe: boolean, target: number): Figure {
  return {
    id,
    async run(): Promise<FigureResult> {
      await setup();
      const bytes = 256 * MiB;
      cli(16 * MiB, pipe);
      bashToFile(16 * MiB);
      const o: number[] = [];
      const b: number[] = [];
      const rss: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s = cli(bytes, pipe);
        o.push(s.ms);
        rss.push(s.rssKiB);
        b.push(bashToFile(bytes));
      }
      const so = summarize(o);
      const sb = summarize(b);
      if (!pipe) {
        const small: number[] = [];
        for (let i = 0; i < RUNS; i++) small.push(cli(16 * MiB, false).rssKiB);
        peaks = { big: summarize(rss).median / 1024, small: summarize(small).median / 1024 };
      }
      return ratioFigure({
        id,
        figure: `runbook-lens run of a block writing 256 MiB, whole process, stdout ${pipe ? 'a pipe to cat > /dev/null' : 'to /dev/null'}`,
        baseline: BASH, limit: target,
      }, so, sb);
    },
  };
}

export const bigOutputTime = figure('output-256mib', false, 1.5);

/**
 * What bounds the whole-process figures: a bare Node process (bench/child/relay.cjs) that only
 * copies the block's stdout to a file and to its own stdout (/dev/null, or a pipe to cat), with
 * no redaction and no CLI start-up.
 */
function nodeFloor(id: string, pipe: boolean): Figure {
  return {
    id,
    async run(): Promise<FigureResult> {
      await setup();
      const relay = path.resolve(__dirname, '../child/relay.cjs');
      const file = path.join(work!.dir, 'relay.log');
      const once = (bytes: number) => {
        const run = `'${process.execPath}' '${relay}' '${writer(bytes)}' '${file}'`;
        const t0 = process.hrtime.bigint();
        const r = spawnSync('bash', ['-c', pipe ? `${run} | cat > /dev/null` : `${run} > /dev/null`]);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (r.status !== 0 || fs.statSync(file).size !== bytes) throw new Error(`the relay exited ${r.status}`);
        fs.rmSync(file, { force: true });
        return ms;
      };
      once(16 * MiB);
      return ratioFigure({
        id,
        figure: `A bare Node relay of the same block to a file and ${pipe ? 'a pipe to cat' : '/dev/null'}, whole process (no redaction, no CLI)`,
        baseline: BASH, target: `information: the floor under output-256mib${pipe ? '-pipe' : ''}`,
      }, ...againstBash(() => once(256 * MiB)));
    },
  };
}

export const bigOutputNodeFloor = nodeFloor('output-256mib-node-floor', false);
export const bigOutputNodeFloorPipe = nodeFloor('output-256mib-node-floor-pipe', true);
export const bigOutputPipe = figure('output-256mib-pipe', true, 2);

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
      target: '< 16 MiB more', met: more < 16, note: `${more.toFixed(1)} MiB more`,
    };
  },
};

/** The runner alone, in-process (bench/child/bigRun.ts), for the gap to the whole process. */
export const bigOutputInProcess: Figure = {
  id: 'output-256mib-in-process',
  async run(): Promise<FigureResult> {
    await setup();
    const child = path.resolve(__dirname, '../child/bigRun.ts');
    const inProcess = () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', child, writer(256 * MiB)], { encoding: 'utf8', maxBuffer: 16 * MiB });
      return JSON.parse(out.trim().split('\n').pop() ?? '{}').ms as number;
    };
    return ratioFigure({
      id: this.id,
      figure: 'The same block through runAndRecord in-process (no CLI start, no stdout relay)',
      baseline: BASH,
    }, ...againstBash(inProcess));
  },
};
