// A run's fixed cost as a user pays it: `runbook-lens run` of a `true` block, whole process, CPU
// (user+sys, wait4's rusage) and wall, alternated with `node -e 0` in the same minutes.
// Two cases: a fresh incident folder each run, and a folder whose timeline already holds
// ENTRIES entries (the pinned-target read folds the whole timeline).
//   node --import tsx bench/cliStart.ts [--runs N] [--entries N] [--cli dist/cli.js]...
// Several --cli (e.g. a build of main beside this one) are alternated run by run; one may start
// with NAME=VALUE words for its environment ('RUNBOOK_LENS_CODE_CACHE=0 dist/cli.js').
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { summarize } from './measure';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, entries: { type: 'string', default: '2000' }, cli: { type: 'string', multiple: true, default: ['dist/cli.js'] } } });
const runs = Number(values.runs);
const clis = values.cli!.map((c) => {
  const words = c.split(' ');
  const env = Object.fromEntries(words.slice(0, -1).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  return { label: c, file: path.resolve(words[words.length - 1]), env };
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-start-'));
const runbook = path.join(dir, 'true.md');
fs.writeFileSync(runbook, '# True\n\n```bash\ntrue\n```\n');
const timeOut = path.join(dir, 'time');

// wait4's rusage to the microsecond (/usr/bin/time prints hundredths): the process and the
// children it waited for (the block's bash, git), user + system.
const WAIT4 = 'import os,sys,time\nt=time.monotonic()\npid=os.fork()\nif pid==0:\n  os.execv(sys.argv[1],sys.argv[1:])\n_,st,ru=os.wait4(pid,0)\nw=time.monotonic()-t\nopen(os.environ["RL_TIME_OUT"],"w").write("%f %f %f %d"%(ru.ru_utime,ru.ru_stime,w,st))';

/** One whole process: [cpu s, wall s]. */
function timed(args: string[], env: Record<string, string> = {}): [number, number] {
  execFileSync('python3', ['-c', WAIT4, process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env, RL_TIME_OUT: timeOut } });
  const [u, s, e, status] = fs.readFileSync(timeOut, 'utf8').trim().split(' ').map(Number);
  if (status !== 0) throw new Error(`${args.join(' ')}: wait status ${status}`);
  return [u + s, e];
}

/** An incident folder whose timeline holds `n` entries: runs of this block, started and result. */
function grownIncident(cli: string, n: number, name: string): string {
  const inc = path.join(dir, name);
  timed([cli, 'run', runbook, '--block', '1', '--incident', inc], { RUNBOOK_LENS_CODE_CACHE: '0' });
  const [started, result] = fs.readFileSync(path.join(inc, 'timeline.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const lines: string[] = [];
  const t0 = Date.parse(started.time as string) - n * 1000;
  for (let i = 0; i < n / 2; i++) {
    const time = new Date(t0 + i * 2000).toISOString();
    const sid = `${time.replace(/[-:]/g, '').replace('.', '')}-00-s${String(i).padStart(7, '0')}`;
    const rid = `${time.replace(/[-:]/g, '').replace('.', '')}-01-r${String(i).padStart(7, '0')}`;
    lines.push(JSON.stringify({ ...started, id: sid, time }), JSON.stringify({ ...result, id: rid, time, startedEntry: sid, outputFile: `outputs/${rid}.log` }));
  }
  fs.writeFileSync(path.join(inc, 'timeline.jsonl'), lines.join('\n') + '\n' + fs.readFileSync(path.join(inc, 'timeline.jsonl'), 'utf8'));
  return inc;
}

const cases: [string, () => string[], Record<string, string>?][] = [['node -e 0', () => ['-e', '0']]];
clis.forEach((cli, c) => {
  const grown = grownIncident(cli.file, Number(values.entries), `grown-${c}`);
  const which = clis.length > 1 ? ` [${cli.label}]` : '';
  cases.push(
    [`true block, fresh incident${which}`, () => [cli.file, 'run', runbook, '--block', '1', '--incident', path.join(dir, `fresh-${Math.random().toString(36).slice(2)}`)], cli.env],
    [`true block, ${values.entries} entries${which}`, () => [cli.file, 'run', runbook, '--block', '1', '--incident', grown], cli.env],
  );
});
const cpu = cases.map((): number[] => []);
const wall = cases.map((): number[] => []);
for (const [, args, env] of cases) timed(args(), env); // warm the page cache (and the code cache)
for (let r = 0; r < runs; r++) {
  cases.forEach(([, args, env], i) => {
    const [c, w] = timed(args(), env);
    cpu[i].push(c * 1000);
    wall[i].push(w * 1000);
  });
}
fs.rmSync(dir, { recursive: true, force: true });
const fmt = (v: number[]) => { const s = summarize(v); return `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`; };
process.stdout.write(`load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; medians of ${runs}, ms (min–max)\n`);
const width = Math.max(...cases.map(([name]) => name.length)) + 2;
cases.forEach(([name], i) => process.stdout.write(`${name.padEnd(width)} cpu ${fmt(cpu[i]).padEnd(16)} wall ${fmt(wall[i])}\n`));
