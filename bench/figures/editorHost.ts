// The editor during big output (issue 15): the real extension host in code-server, launched
// through the test harness with bench/editor/hostBench.ts as its "tests". One launch measures
// all three editor figures; each figure reads its part of the JSON it writes.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Figure, FigureResult } from '../figure';
import { summarize } from '../measure';
import type { HostBenchResult } from '../editor/hostBench';
import { runSuitesInCodeServer } from '../../test/harness/runSuitesInCodeServer';

const ROOT = path.resolve(__dirname, '../..');

let measured: Promise<HostBenchResult> | undefined;

async function measure(): Promise<HostBenchResult> {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-editor-'));
  try {
    const bundle = path.join(dir, 'hostBench.js');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'bench/editor/hostBench.ts')],
      bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], outfile: bundle, logLevel: 'warning',
    });
    const out = path.join(dir, 'result.json');
    // The extension host inherits code-server's environment.
    process.env.RUNBOOK_LENS_BENCH_OUT = out;
    const summary = await runSuitesInCodeServer(bundle);
    const result = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) as HostBenchResult | { error: string } : undefined;
    if (!result) throw new Error(`the extension host wrote no result (exit ${summary.exitCode})`);
    if ('error' in result) throw new Error(result.error);
    return result;
  } finally {
    delete process.env.RUNBOOK_LENS_BENCH_OUT;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const hostResult = () => (measured ??= measure());

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}
const f1 = (n: number) => n.toFixed(1);

export const editorLoopDelay: Figure = {
  id: 'editor-256mib-loop-delay',
  async run(): Promise<FigureResult> {
    const r = await hostResult();
    const runs = r.big.runs;
    for (const b of runs) if (b.fileBytes !== 268_435_456 || b.status !== 'ok') throw new Error(`the 256 MiB run ended ${b.status} with ${b.fileBytes} bytes in its output file`);
    const p99 = summarize(runs.map((b) => b.loop.p99));
    const worst = Math.max(...runs.map((b) => b.loop.max));
    const chars = Math.max(...runs.map((b) => b.channelChars));
    return {
      id: this.id,
      figure: 'Extension host event-loop delay p99 while ▶ Run prints 256 MiB (Output channel shown)',
      baseline: 'the same host idle, same CodeLens requests',
      value: p99.median,
      baselineValue: r.idle.loop.p99,
      unit: 'ms',
      ratio: null,
      target: '< 50 ms',
      met: p99.median < 50,
      note: `${runs.length} runs of ${runs.map((b) => (b.ms / 1000).toFixed(1)).join(', ')} s; p50 ${f1(summarize(runs.map((b) => b.loop.p50)).median)} ms, max ${f1(worst)} ms (idle max ${f1(r.idle.loop.max)}); Output channel given ≤ ${chars.toLocaleString('en-US')} chars in ≤ ${Math.max(...runs.map((b) => b.channelAppends))} appends`,
    };
  },
};

export const editorLensDuringRun: Figure = {
  id: 'editor-256mib-codelens',
  async run(): Promise<FigureResult> {
    const r = await hostResult();
    const lens = r.big.runs.flatMap((b) => b.lensMs);
    const toHost = r.big.runs.flatMap((b) => b.lensToHostMs);
    const bare = r.bigBare.flatMap((b) => b.lensMs);
    const idle = r.idle.lensMs;
    const max = Math.max(...lens);
    return {
      id: this.id,
      figure: `CodeLens request (vscode.executeCodeLensProvider) during the 256 MiB ▶ Runs, p99 of ${lens.length}`,
      baseline: `the same command spawned from the host and its output dropped, p99 of ${bare.length}`,
      value: pct(lens, 99),
      baselineValue: pct(bare, 99),
      unit: 'ms',
      ratio: null,
      target: '< 100 ms',
      met: max < 100,
      note: `p50 ${f1(pct(lens, 50))}, max ${f1(max)} ms; of which until the host was asked: p50 ${f1(pct(toHost, 50))}, max ${f1(Math.max(...toHost))} ms; bare-spawn p50 ${f1(pct(bare, 50))}, max ${f1(Math.max(...bare))}; idle p50 ${f1(pct(idle, 50))}, p99 ${f1(pct(idle, 99))}, max ${f1(Math.max(...idle))}`,
    };
  },
};

export const editorFirstOutput: Figure = {
  id: 'editor-first-output',
  async run(): Promise<FigureResult> {
    const r = await hostResult();
    const ours = summarize(r.first.oursMs);
    const base = summarize(r.first.spawnMs);
    const more = ours.median - base.median;
    return {
      id: this.id,
      figure: '▶ Run of `echo first; sleep 5` to its line in the Output channel, extension host',
      baseline: 'spawning bash -c of it to its first stdout byte, same host',
      value: ours.median,
      baselineValue: base.median,
      unit: 'ms',
      ratio: null,
      target: '< 30 ms more',
      met: more < 30,
      note: `+${f1(more)} ms (median of ${ours.runs}); of it, command to spawn ${f1(summarize(r.first.oursToSpawnMs).median)} ms, spawn to the channel ${f1(summarize(r.first.oursSpawnToShownMs).median)} ms`,
    };
  },
};
