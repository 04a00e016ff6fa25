// Runs inside code-server's extension host (bench/figures/editorHost.ts launches it through the
// test harness): measures the editor while ▶ Run blocks print, against the same host idle or a
// bare spawn in the same run, and writes the samples as JSON to RUNBOOK_LENS_BENCH_OUT.
import * as childProcess from 'node:child_process';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { RunbookLensApi } from '../../src/extension/extension';

const EXTENSION_ID = 'runbook-lens.runbook-lens';
const BIG = 268_435_456;
const BIG_RUNS = Number(process.env.RUNBOOK_LENS_BENCH_BIG_RUNS ?? 3);
const FIRST_RUNS = Number(process.env.RUNBOOK_LENS_BENCH_FIRST_RUNS ?? 9);
const IDLE_MS = 6000;
/** CodeLens requests are sent one after another with this pause between them. */
const LENS_GAP_MS = 50;
const RESOLUTION_MS = 5;

export interface LoopSample { p50: number; p99: number; max: number; mean: number; count: number }
export interface HostBenchResult {
  idle: { loop: LoopSample; lensMs: number[] };
  bigBare: { ms: number; lensMs: number[]; lensToHostMs: number[] }[];
  big: { runs: { ms: number; loop: LoopSample; lensMs: number[]; lensToHostMs: number[]; channelChars: number; channelAppends: number; fileBytes: number; status: string }[] };
  first: { spawnMs: number[]; oursMs: number[]; oursSpawnToShownMs: number[]; oursToSpawnMs: number[] };
}

const ms = (ns: number) => ns / 1e6;
function loopOf(h: ReturnType<typeof monitorEventLoopDelay>): LoopSample {
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean), count: h.count };
}
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** When the extension host was last asked for lenses (a probe provider beside the extension's). */
let probedAt = NaN;
const toHostMs: number[] = [];

/** Sends CodeLens requests one after another until `until` settles; their round-trip times. */
async function lensLoop(uri: vscode.Uri, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const t0 = performance.now();
    probedAt = NaN;
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100);
    times.push(performance.now() - t0);
    toHostMs.push(probedAt - t0);
    await sleep(LENS_GAP_MS);
  }
  return times;
}

/** Records what the run controller's Output channel is given (the live view's last stop). */
function tapChannel(api: RunbookLensApi): { on(fn: (text: string) => void): () => void } {
  const channel = api.runs.output;
  const listeners = new Set<(text: string) => void>();
  const append = channel.append.bind(channel);
  channel.append = (text: string) => {
    for (const l of listeners) l(text);
    append(text);
  };
  return { on: (fn) => { listeners.add(fn); return () => listeners.delete(fn); } };
}

/** Times the spawn of each child process the runner starts, with a mark of when it was called. */
function tapSpawn(): { last(): number | undefined; restore(): void } {
  // The module itself, not the bundle's copy of its names: the extension's runner calls through it.
  const cp = createRequire(__filename)('node:child_process') as { spawn: typeof childProcess.spawn };
  const original = cp.spawn;
  let at: number | undefined;
  cp.spawn = ((...args: Parameters<typeof childProcess.spawn>) => {
    at = performance.now();
    return original(...args);
  }) as typeof childProcess.spawn;
  return { last: () => at, restore: () => (cp.spawn = original) };
}

function bareSpawn(command: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = childProcess.spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.once('error', reject);
    child.stdout.once('data', () => {
      const t = performance.now() - t0;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
      resolve(t);
    });
  });
}

/** Spawns `command`, reads its stdout and drops it; resolves with the time to its end. */
function bareRead(command: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = childProcess.spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.once('error', reject);
    child.stdout.on('data', () => undefined);
    child.once('close', () => resolve(performance.now() - t0));
  });
}

export async function run(): Promise<void> {
  const out = process.env.RUNBOOK_LENS_BENCH_OUT;
  const testOut = process.env.RUNBOOK_LENS_TEST_OUT;
  if (testOut) fs.mkdirSync(testOut, { recursive: true });
  try {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = path.join(root, 'editor-bench.tmp.md');
    fs.writeFileSync(file, [
      '# Editor bench', '', '## Big', '', '```bash', `yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c ${BIG}`, '```', '',
      '## First line', '', '```bash', 'echo first; sleep 5', '```', '',
    ].join('\n'));
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 30_000);
    const api = vscode.extensions.getExtension<RunbookLensApi>(EXTENSION_ID)!.exports;
    const incident = await vscode.commands.executeCommand<string>('runbookLens.startIncident', { title: 'editor bench', severity: 'P2' });
    await vscode.commands.executeCommand('runbookLens.showOutput');
    const channel = tapChannel(api);
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, { provideCodeLenses: () => { if (Number.isNaN(probedAt)) probedAt = performance.now(); return []; } });
    const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });

    // Warm-up: one short run, a few lenses.
    await vscode.commands.executeCommand('runbookLens.runBlock', uri, 2).then(undefined, () => undefined);
    await lensLoop(uri, sleep(1000));

    // The same host idle, with the same CodeLens requests.
    h.enable();
    const idleLens = await lensLoop(uri, sleep(IDLE_MS));
    h.disable();
    const result: HostBenchResult = { idle: { loop: loopOf(h), lensMs: idleLens }, bigBare: [], big: { runs: [] }, first: { spawnMs: [], oursMs: [], oursSpawnToShownMs: [], oursToSpawnMs: [] } };

    for (let i = 0; i < BIG_RUNS; i++) {
      // The same command spawned from this host, its output read and dropped: the machine's share.
      toHostMs.length = 0;
      const bare = bareRead(`yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c ${BIG}`);
      const bareLens = await lensLoop(uri, bare);
      result.bigBare.push({ ms: await bare, lensMs: bareLens, lensToHostMs: [...toHostMs] });
      toHostMs.length = 0;
      let chars = 0;
      let appends = 0;
      const off = channel.on((t) => { chars += t.length; appends++; });
      h.reset();
      const profile = process.env.RUNBOOK_LENS_BENCH_PROFILE && i === BIG_RUNS - 1 ? new Session() : undefined;
      if (profile) {
        profile.connect();
        await new Promise((r) => profile.post('Profiler.enable', () => profile.post('Profiler.setSamplingInterval', { interval: 200 }, () => profile.post('Profiler.start', r))));
      }
      h.enable();
      const t0 = performance.now();
      const running = Promise.resolve(vscode.commands.executeCommand<{ status: string; outputFile?: string } | undefined>('runbookLens.runBlock', uri, 1));
      const lensMs = await lensLoop(uri, running);
      const entry = await running;
      const runMs = performance.now() - t0;
      h.disable();
      off();
      if (profile) {
        await new Promise<void>((r) => profile.post('Profiler.stop', (_e, p) => { fs.writeFileSync(process.env.RUNBOOK_LENS_BENCH_PROFILE!, JSON.stringify(p.profile)); r(); }));
        profile.disconnect();
      }

      const fileBytes = entry?.outputFile ? fs.statSync(path.join(incident, entry.outputFile)).size : -1;
      result.big.runs.push({ ms: runMs, loop: loopOf(h), lensMs, lensToHostMs: [...toHostMs], channelChars: chars, channelAppends: appends, fileBytes, status: entry?.status ?? 'none' });
    }

    // First output: ▶ Run to the Output channel's append of the line, against a bare spawn to its first byte.
    const spawns = tapSpawn();
    const firstProfile = process.env.RUNBOOK_LENS_BENCH_PROFILE_FIRST ? new Session() : undefined;
    if (firstProfile) {
      firstProfile.connect();
      await new Promise((r) => firstProfile.post('Profiler.enable', () => firstProfile.post('Profiler.setSamplingInterval', { interval: 100 }, () => firstProfile.post('Profiler.start', r))));
    }
    try {
      for (let i = 0; i < FIRST_RUNS + 1; i++) {
        const base = await bareSpawn('echo first; sleep 5');
        let shownAt: number | undefined;
        const off = channel.on((t) => { if (shownAt === undefined && /(^|\n)first\n/.test(t)) shownAt = performance.now(); });
        await sleep(500);
        const t0 = performance.now();
        const running = Promise.resolve(vscode.commands.executeCommand('runbookLens.runBlock', uri, 2));
        const shown = await waitFor('the first line in the Output channel', () => shownAt);
        const spawnedAt = spawns.last() ?? NaN;
        off();
        await vscode.commands.executeCommand('runbookLens.stopBlock', uri, 2);
        await running;
        if (i === 0) continue; // warm-up
        result.first.spawnMs.push(base);
        result.first.oursMs.push(shown - t0);
        result.first.oursToSpawnMs.push(spawnedAt - t0);
        result.first.oursSpawnToShownMs.push(shown - spawnedAt);
      }
    } finally {
      spawns.restore();
      if (firstProfile) {
        await new Promise<void>((r) => firstProfile.post('Profiler.stop', (_e, p) => { fs.writeFileSync(process.env.RUNBOOK_LENS_BENCH_PROFILE_FIRST!, JSON.stringify(p.profile)); r(); }));
        firstProfile.disconnect();
      }
    }
    fs.rmSync(file, { force: true });
    if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
    if (testOut) fs.writeFileSync(path.join(testOut, 'summary.json'), JSON.stringify({ passed: 1, failed: 0, pending: 0 }));
  } catch (err) {
    if (out) fs.writeFileSync(out, JSON.stringify({ error: err instanceof Error ? err.stack ?? err.message : String(err) }));
    if (testOut) fs.writeFileSync(path.join(testOut, 'summary.json'), JSON.stringify({ passed: 0, failed: 1, pending: 0 }));
    throw err;
  }
}
