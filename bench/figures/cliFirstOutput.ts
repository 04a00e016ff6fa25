// The first line of `echo first; sleep 5` on the CLI's stdout (issue 15), against a bare spawn of
// the same command to its first stdout byte, alternated in the same run. The whole process
// includes Node's and the CLI's start-up; a wrapper shell named bash notes when the CLI spawns
// the block (bash's $EPOCHREALTIME, no fork), which gives the figure from the child's spawn on.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Figure, FigureResult } from '../figure';
import { summarize } from '../measure';
import { bundleCli } from '../../test/support/bundleCli';

const RUNS = 9;
const COMMAND = process.env.RL_BENCH_FIRST_COMMAND ?? 'echo first; sleep 5';
const nowEpochMs = () => performance.timeOrigin + performance.now();

/** Starts `cmd`, resolves at its first stdout byte (epoch ms), then kills its process group. */
function firstByte(cmd: string, args: string[], env?: NodeJS.ProcessEnv, stderrFile?: string): Promise<{ t0: number; at: number }> {
  return new Promise((resolve, reject) => {
    const err = stderrFile ? fs.openSync(stderrFile, 'w') : 'ignore';
    const t0 = nowEpochMs();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', err], detached: true, env: env ?? process.env });
    if (typeof err === 'number') fs.closeSync(err);
    child.once('error', reject);
    child.stdout!.once('data', () => {
      const at = nowEpochMs();
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
      resolve({ t0, at });
    });
    child.once('exit', (code) => setTimeout(() => reject(new Error(`${cmd} exited ${code} before printing`)), 100));
  });
}

export const cliFirstOutput: Figure = {
  id: 'cli-first-output',
  async run(): Promise<FigureResult> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-first-'));
    try {
      const cli = await bundleCli(path.join(dir, 'cli'));
      const runbook = path.join(dir, 'first.md');
      fs.writeFileSync(runbook, '# First\n\n```bash\n' + COMMAND + '\n```\n');
      const wrapDir = path.join(dir, 'wrap');
      fs.mkdirSync(wrapDir);
      const mark = path.join(dir, 'spawned');
      fs.writeFileSync(path.join(wrapDir, 'bash'), `#!/bin/bash\nprintf '%s\\n' "$EPOCHREALTIME" > "$RL_BENCH_MARK"\nexec /bin/bash "$@"\n`, { mode: 0o755 });
      // The launcher writes its code cache when a run ends, and every run below is killed at its
      // first line: one run that ends makes the cache, as any earlier use of the CLI would have.
      const warm = path.join(dir, 'warm.md');
      fs.writeFileSync(warm, '# Warm\n\n```bash\ntrue\n```\n');
      spawnSync(process.execPath, [cli, 'run', warm, '--block', '1', '--incident', path.join(dir, 'incident-warm')], { stdio: 'ignore' });
      const whole: number[] = [];
      const fromSpawn: number[] = [];
      const base: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const incident = path.join(dir, `incident-${i}`);
        const b = await firstByte('bash', ['-c', COMMAND]);
        fs.rmSync(mark, { force: true });
        const c = await firstByte(process.execPath, [cli, 'run', runbook, '--block', '1', '--incident', incident, '--shell', path.join(wrapDir, 'bash')], { ...process.env, RL_BENCH_MARK: mark }, path.join(dir, 'cli-stderr'));
        const spawnedAt = Number(fs.readFileSync(mark, 'utf8').trim()) * 1000;
        if (c.at - spawnedAt > 1000 && process.env.RL_BENCH_KEEP) fs.cpSync(dir, process.env.RL_BENCH_KEEP, { recursive: true });
        if (i === 0) continue; // warm-up
        base.push(b.at - b.t0);
        whole.push(c.at - c.t0);
        fromSpawn.push(c.at - spawnedAt);
      }
      const w = summarize(whole);
      const s = summarize(fromSpawn);
      const bb = summarize(base);
      return {
        id: this.id,
        figure: '`runbook-lens run` of `echo first; sleep 5`: the block\'s spawn to its line on the CLI\'s stdout',
        baseline: 'a bare spawn of bash -c of it to its first stdout byte',
        value: s.median,
        baselineValue: bb.median,
        unit: 'ms',
        ratio: null,
        target: '< 30 ms more',
        met: s.median - bb.median < 30,
        note: `+${(s.median - bb.median).toFixed(1)} ms (median of ${s.runs}); the whole process, start-up included: ${w.median.toFixed(0)} ms (${w.min.toFixed(0)}–${w.max.toFixed(0)})`,
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
