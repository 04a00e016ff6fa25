// A run's fixed cost as a user pays it: `runbook-lens run` of a `true` block, whole process, CPU
// (user+sys from /usr/bin/time) and wall, alternated with `node -e 0` in the same minutes.
// Two cases: a fresh incident folder each run, and a folder whose timeline already holds
// ENTRIES entries (the pinned-target read folds the whole timeline).
//   node --import tsx bench/cliStart.ts [--runs N] [--entries N] [--cli dist/cli.js]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { summarize } from './measure';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, entries: { type: 'string', default: '2000' }, cli: { type: 'string', default: 'dist/cli.js' } } });
const runs = Number(values.runs);
const cli = path.resolve(values.cli!);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-start-'));
const runbook = path.join(dir, 'true.md');
fs.writeFileSync(runbook, '# True\n\n```bash\ntrue\n```\n');
const timeOut = path.join(dir, 'time');

/** One whole process: [cpu s, wall s]. */
function timed(args: string[]): [number, number] {
  execFileSync('/usr/bin/time', ['-f', '%U %S %e', '-o', timeOut, process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const [u, s, e] = fs.readFileSync(timeOut, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return [u + s, e];
}

/** An incident folder whose timeline holds `n` entries: runs of this block, started and result. */
function grownIncident(n: number): string {
  const inc = path.join(dir, 'grown');
  timed([cli, 'run', runbook, '--block', '1', '--incident', inc]);
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

const grown = grownIncident(Number(values.entries));
const cases: [string, () => string[]][] = [
  ['node -e 0', () => ['-e', '0']],
  ['true block, fresh incident', () => [cli, 'run', runbook, '--block', '1', '--incident', path.join(dir, `fresh-${Math.random().toString(36).slice(2)}`)]],
  [`true block, ${values.entries} entries`, () => [cli, 'run', runbook, '--block', '1', '--incident', grown]],
];
const cpu = cases.map((): number[] => []);
const wall = cases.map((): number[] => []);
timed(cases[1][1]()); // warm the page cache
for (let r = 0; r < runs; r++) {
  cases.forEach(([, args], i) => {
    const [c, w] = timed(args());
    cpu[i].push(c * 1000);
    wall[i].push(w * 1000);
  });
}
fs.rmSync(dir, { recursive: true, force: true });
const fmt = (v: number[]) => { const s = summarize(v); return `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`; };
process.stdout.write(`load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; medians of ${runs}, ms (min–max)\n`);
cases.forEach(([name], i) => process.stdout.write(`${name.padEnd(32)} cpu ${fmt(cpu[i]).padEnd(16)} wall ${fmt(wall[i])}\n`));
