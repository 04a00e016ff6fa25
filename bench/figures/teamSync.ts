/**
 * Team incidents through git: how soon a teammate's entry reaches another replica, what a sync
 * of a large incident costs against plain git moving the same objects, and Join's time and memory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendEntry, newEntryId, readTimeline } from '../../src/core/incident/timeline';
import { startIncident } from '../../src/core/incident/lifecycle';
import { joinIncident, shareIncident, syncShared } from '../../src/core/team/teamIncident';
import type { Figure, FigureResult } from '../figure';
import { wideSpread } from '../figure';
import { summarize, timeIt } from '../measure';
import { sampleEntries } from './timelineAppend';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A bare origin and `n` clones with identities, under a fresh temp folder. */
function team(n: number): { root: string; bare: string; clones: string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-team-'));
  const bare = path.join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', bare);
  const clones = Array.from({ length: n }, (_, i) => {
    const dir = path.join(root, `r${i}`);
    git(root, 'init', '-q', '-b', 'main', dir);
    git(dir, 'remote', 'add', 'origin', bare);
    git(dir, 'config', 'user.name', `r${i}`);
    git(dir, 'config', 'user.email', `r${i}@bench.test`);
    return dir;
  });
  return { root, bare, clones };
}

/** A shared incident of `entries` runs and `outputs` output files (4 KiB each) in clone 0. */
async function bigIncident(clone: string, entries: number, outputs: number): Promise<string> {
  const { dir } = await startIncident(path.join(clone, 'incidents'), { title: 'bench incident', severity: 'P1' }, { actor: 'r0' });
  const lines = sampleEntries(entries).map((e, i) => JSON.stringify({ ...e, outputFile: i < outputs ? `outputs/${e.id}.log` : undefined }));
  fs.appendFileSync(path.join(dir, 'timeline.jsonl'), lines.join('\n') + '\n');
  const text = 'pod/photon-compiler-7d9f restarted; readiness probe ok\n'.repeat(75);
  for (const l of lines.slice(0, outputs)) fs.writeFileSync(path.join(dir, 'outputs', `${JSON.parse(l).id}.log`), text, { mode: 0o600 });
  return dir;
}

export const teamLatency: Figure = {
  id: 'team-latency',
  async run(): Promise<FigureResult> {
    const pollMs = 1000;
    const t = team(2);
    try {
      const [a, b] = t.clones;
      const { dir: da } = await startIncident(path.join(a, 'incidents'), { title: 'latency', severity: 'P2' }, { actor: 'r0' });
      const shared = await shareIncident(da, { cwd: a, remote: 'origin', actor: 'r0' });
      const db = (await joinIncident(shared.link.incidentId, { cwd: b, remote: 'origin', into: path.join(b, 'incidents') })).dir;
      const fetches = await timeIt(() => git(b, 'fetch', '-q', 'origin', `+refs/heads/runbook-lens/incidents/${shared.link.incidentId}:refs/bench/probe`), { warmup: 1, runs: 5 });
      const latencies: number[] = [];
      for (let round = 0; round < 5; round++) {
        // B polls on its own clock, as an editor does; A syncs right after its append.
        let stop = false;
        const poller = (async () => {
          while (!stop) {
            await syncShared(db, { actor: 'r1' });
            await new Promise((r) => setTimeout(r, pollMs));
          }
        })();
        await new Promise((r) => setTimeout(r, Math.random() * pollMs));
        const id = newEntryId();
        const t0 = process.hrtime.bigint();
        await appendEntry(da, { id, time: new Date().toISOString(), kind: 'note', actor: 'r0', text: `round ${round}` });
        await syncShared(da, { actor: 'r0' });
        while (!(await readTimeline(db)).entries.some((e) => e.id === id)) await new Promise((r) => setTimeout(r, 10));
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        stop = true;
        await poller;
      }
      const ours = summarize(latencies);
      const baseline = pollMs + fetches.median;
      return {
        id: this.id,
        figure: 'an entry on one responder\'s disk until it is on another\'s (poll every 1 s)',
        baseline: 'the poll interval plus one git fetch of the incident branch',
        value: ours.median, baselineValue: baseline, unit: 'ms', ratio: ours.median / baseline,
        target: '≤ 1×', met: ours.median <= baseline, spread: wideSpread(ours),
      };
    } finally {
      fs.rmSync(t.root, { recursive: true, force: true });
    }
  },
};

export const teamSync10k: Figure = {
  id: 'team-sync-10k',
  async run(): Promise<FigureResult> {
    const runs: number[] = [];
    const bases: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = team(2);
      try {
        const [a, b] = t.clones;
        const dir = await bigIncident(a, 10_000, 0);
        let t0 = process.hrtime.bigint();
        const shared = await shareIncident(dir, { cwd: a, remote: 'origin', actor: 'r0' });
        runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        // The same objects moved by plain git: fetched into another clone and pushed to another remote.
        const other = path.join(t.root, 'other.git');
        git(t.root, 'init', '-q', '--bare', other);
        const ref = `refs/heads/runbook-lens/incidents/${shared.link.incidentId}`;
        t0 = process.hrtime.bigint();
        git(b, 'fetch', '-q', 'origin', `+${ref}:refs/bench/x`);
        git(b, 'push', '-q', other, `refs/bench/x:${ref}`);
        bases.push(Number(process.hrtime.bigint() - t0) / 1e6);
      } finally {
        fs.rmSync(t.root, { recursive: true, force: true });
      }
    }
    const ours = summarize(runs);
    const base = summarize(bases);
    return {
      id: this.id,
      figure: 'sharing an incident of 10,000 entries (read, scan, commit, push)',
      baseline: 'git fetch plus git push of the same objects',
      value: ours.median, baselineValue: base.median, unit: 'ms', ratio: ours.median / base.median,
      target: '≤ 10×', met: ours.median <= 10 * base.median, spread: wideSpread(ours, base),
      note: 'ours includes the secret scan of every entry',
    };
  },
};

/** Join in a child process, so its peak memory is its own: prints "ms maxRSS-KiB". */
const JOIN_CHILD = `
const { joinIncident } = require(${JSON.stringify(path.resolve(__dirname, '../../src/core/team/teamIncident'))});
const [id, cwd, into] = process.argv.slice(1);
const t0 = process.hrtime.bigint();
joinIncident(id, { cwd, remote: 'origin', into }).then((o) => {
  console.log(Number(process.hrtime.bigint() - t0) / 1e6, process.resourceUsage().maxRSS, o.added);
});`;

export const teamJoin: Figure = {
  id: 'team-join-10k',
  async run(): Promise<FigureResult> {
    const t = team(2);
    try {
      const [a, b] = t.clones;
      const dir = await bigIncident(a, 10_000, 500);
      const shared = await shareIncident(dir, { cwd: a, remote: 'origin', actor: 'r0' });
      const id = shared.link.incidentId;
      const child = (script: string, ...args: string[]) => {
        const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, ...args], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
        return r.stdout.trim().split(/\s+/).map(Number);
      };
      const idle = child('console.log(0, process.resourceUsage().maxRSS)');
      const times: number[] = [];
      const rss: number[] = [];
      for (let i = 0; i < 3; i++) {
        const into = path.join(b, `incidents-${i}`);
        const [ms, kib, added] = child(JOIN_CHILD, id, b, into);
        if (added < 10_000) throw new Error(`joined only ${added} entries`);
        times.push(ms);
        rss.push(kib);
      }
      let n = 0;
      const fetches = await timeIt(() => {
        const fresh = path.join(t.root, `fresh-${n++}`);
        git(t.root, 'init', '-q', fresh);
        git(fresh, 'fetch', '-q', t.bare, `+refs/heads/runbook-lens/incidents/${id}:refs/bench/y`);
      }, { warmup: 0, runs: 3 });
      const ours = summarize(times);
      const mem = summarize(rss).median / 1024;
      return {
        id: this.id,
        figure: 'Join Incident of 10,000 entries and 500 outputs',
        baseline: 'git fetch of the incident branch into an empty repository',
        value: ours.median, baselineValue: fetches.median, unit: 'ms', ratio: ours.median / Math.max(1, fetches.median),
        target: 'report', met: true, spread: wideSpread(ours),
        note: `peak RSS ${mem.toFixed(0)} MiB against ${(idle[1] / 1024).toFixed(0)} MiB for an idle Node process with tsx`,
      };
    } finally {
      fs.rmSync(t.root, { recursive: true, force: true });
    }
  },
};
