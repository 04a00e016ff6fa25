import { before, after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TimelineEntry } from '../../src/core/incident/types';
import { builtCli } from '../harness/builtCli';

const root = path.resolve(__dirname, '../..');
let cli = '';
let cleanupCli = (): void => undefined;
const fixture = 'test/fixtures/run/cli-runbook.md';
const reference = 'examples/incident-response.md';
let tmp = '';

function runCli(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'run', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every line of timeline.jsonl, write-ahead `started` records included. */
function rawTimeline(dir: string): TimelineEntry[] {
  return fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry);
}

/** The results: each run's `started` record is followed by its result, which names it. */
function timeline(dir: string): TimelineEntry[] {
  const raw = rawTimeline(dir);
  for (const e of raw.filter((r) => r.startedEntry)) {
    const start = raw.findIndex((r) => r.id === e.startedEntry);
    assert.ok(start >= 0 && start < raw.indexOf(e) && raw[start].status === 'started', `result ${e.id} follows its started record`);
  }
  return raw.filter((e) => e.status !== 'started');
}

function incidentDir(name: string): string {
  return path.join(tmp, name);
}

/** Gone, or a zombie nobody has reaped yet. */
function isGone(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return /^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return true;
  }
}

before(async () => {
  ({ cli, cleanup: cleanupCli } = await builtCli());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-run-'));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  cleanupCli();
});

test('run streams the block output, exits with its status and records it in a new incident folder', () => {
  const dir = incidentDir('greet');
  const r = runCli(fixture, '--block', '1', '--incident', dir);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stdout, /^hello from block\n/);
  assert.ok(r.stdout.includes('\u001b[32mgreen'), 'the terminal gets the raw colours');
  assert.match(r.stderr, /to stderr\n/);
  assert.match(r.stderr, /runbook-lens run: block 1 exit 3 after [\d.]+ s; recorded as \S+ in /);

  const incident = JSON.parse(fs.readFileSync(path.join(dir, 'incident.json'), 'utf8'));
  assert.equal(incident.title, 'greet');
  assert.equal(incident.status, 'investigating');
  const entries = timeline(dir);
  assert.equal(entries.length, 1);
  const e = entries[0];
  // Written ahead: the started record comes first and carries no result.
  const [start, result] = rawTimeline(dir);
  assert.equal(result.id, e.id);
  assert.deepEqual([start.id, start.status, start.exitCode, start.block, start.outputFile], [e.startedEntry, 'started', undefined, 1, e.outputFile]);
  for (const field of ['id', 'time', 'kind', 'runbook', 'block', 'line', 'command', 'exitCode', 'durationMs', 'output']) {
    assert.ok(field in e, `required field ${field}`);
  }
  assert.equal(e.kind, 'command');
  assert.equal(e.runbook, fixture);
  assert.equal(e.block, 1);
  assert.equal(e.line, 7);
  assert.deepEqual(e.section, ['CLI run fixture', 'Greeting']);
  assert.equal(e.exitCode, 3);
  assert.equal(e.status, 'failed');
  assert.equal(e.signal, null);
  assert.equal(e.target, null);
  assert.ok(!Number.isNaN(Date.parse(e.time)) && e.time.endsWith('Z'));
  assert.match(e.command ?? '', /^echo "hello from block"\n/);
  // stdout and stderr are separate pipes: their lines may interleave either way.
  assert.deepEqual(e.output?.split('\n').sort(), ['', 'green', 'hello from block', 'to stderr']);
  assert.equal(e.outputFile, `outputs/${e.id}.log`);
  assert.equal(fs.readFileSync(path.join(dir, e.outputFile), 'utf8'), e.output);
  assert.match(fs.readFileSync(path.join(dir, 'timeline.md'), 'utf8'), /✗ exit 3 · .* · block 1 — Greeting/);
});

test('--name picks the block; placeholders come from --var; later runs append to the same timeline', () => {
  const dir = incidentDir('vars');
  const refused = runCli(fixture, '--block', '2', '--incident', dir, '--var', 'pod-name=web-1');
  assert.equal(refused.code, 2);
  assert.equal(refused.stderr, 'runbook-lens run: block 2 has unfilled placeholder <namespace>; pass --var namespace=VALUE\n');
  assert.equal(fs.existsSync(path.join(dir, 'timeline.jsonl')), false, 'nothing ran, nothing recorded');

  const ok = runCli(fixture, '--block', '2', '--incident', dir, '--var', 'pod-name=web-1', '--var', 'namespace=a=b');
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, 'pod=web-1 ns=a=b\n');
  const named = runCli(fixture, '--name', 'greet', '--incident', dir, '--yes');
  assert.equal(named.code, 3);
  const entries = timeline(dir);
  assert.deepEqual(entries.map((e) => [e.block, e.status]), [[2, 'ok'], [1, 'failed']]);
  assert.match(entries[0].command ?? '', /echo "pod=web-1 ns=a=b"/);
  assert.equal(entries[1].confirmation?.method, 'cli-yes');
});

test('timeout: exit 124, recorded as timeout, and the grandchild is gone', () => {
  const dir = incidentDir('slow');
  const started = Date.now();
  // The block's own timeout attribute is 1 s.
  const r = runCli(fixture, '--name', 'slow', '--incident', dir);
  assert.equal(r.code, 124, r.stderr);
  assert.ok(Date.now() - started < 10_000);
  const pid = Number(/grandchild (\d+)/.exec(r.stdout)?.[1]);
  assert.ok(pid > 0, r.stdout);
  assert.ok(isGone(pid), `grandchild ${pid} is gone`);
  const [e] = timeline(dir);
  assert.equal(e.status, 'timeout');
  assert.equal(e.exitCode, null);
  assert.equal(e.signal, 'SIGTERM');
  assert.match(r.stderr, /block 3 timed out/);

  const longer = runCli(fixture, '--block', '4', '--incident', dir, '--timeout', '30');
  assert.equal(longer.code, 0);
  assert.equal(longer.stdout, 'console-ok\n', 'console blocks run only their prompt lines');
});

test('Ctrl-C stops the block, records it as stopped and exits 130', async () => {
  const dir = incidentDir('interrupt');
  const child = spawn(process.execPath, [cli, 'run', fixture, '--block', '3', '--timeout', '0', '--incident', dir], { cwd: root });
  let out = '';
  const pid = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /grandchild (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`exited early: ${out}`)));
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(code, 130);
  assert.ok(isGone(pid), `grandchild ${pid} is gone`);
  const [e] = timeline(dir);
  assert.equal(e.status, 'stopped');
});

test('the block runs in the runbook folder', () => {
  const r = runCli(fixture, '--block', '5', '--incident', incidentDir('cwd'));
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), fs.realpathSync(path.join(root, 'test/fixtures/run')));
});

test('reference runbook: an unfilled placeholder is named and nothing runs', () => {
  const dir = incidentDir('reference');
  const r = runCli(reference, '--block', '1', '--incident', dir);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'runbook-lens run: block 1 has unfilled placeholder <incident-key>; pass --var incident-key=VALUE\n');
});

test('bad arguments give one line on stderr and exit 2', () => {
  const dir = incidentDir('bad');
  // A few as a user meets them; test/unit/cli/args.test.ts covers every argument error.
  const cases: [string[], RegExp][] = [
    [[fixture, '--block', '1'], /missing --incident DIR/],
    [[fixture, '--name', 'nope', '--incident', dir], /no block named 'nope' \(names: greet, slow\)/],
    [['missing.md', '--block', '1', '--incident', dir], /cannot read missing\.md: no such file/],
    [[fixture, '--block', '1', '--incident', dir, '--frobnicate'], /Unknown option '--frobnicate'/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
  }
  assert.equal(fs.existsSync(dir), false, 'no incident folder made for refused runs');
  const corrupt = incidentDir('corrupt');
  fs.mkdirSync(corrupt);
  fs.writeFileSync(path.join(corrupt, 'incident.json'), '{oops');
  const r = runCli(fixture, '--block', '1', '--incident', corrupt);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /incident\.json is not valid JSON/);
});

test('run --help', () => {
  const r = runCli('--help');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: runbook-lens run FILE \(--block N \| --name NAME\) --incident DIR/);
  assert.match(r.stdout, /124 when it timed out/);
});

test('a reader that goes away (| head) does not lose the run', async () => {
  const dir = incidentDir('epipe');
  const runbook = path.join(tmp, 'many.md');
  fs.writeFileSync(runbook, '# Many\n\n```bash\nseq 1 200000\n```\n');
  const child = spawn(process.execPath, [cli, 'run', runbook, '--block', '1', '--incident', dir], { cwd: root });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(code, 0);
  const [e] = timeline(dir);
  assert.equal(e.status, 'ok');
  assert.equal(fs.readFileSync(path.join(dir, e.outputFile!), 'utf8').split('\n').length, 200001);
});

test('--var: a secret placeholder value runs as typed, is masked in the live output, and is recorded masked everywhere', () => {
  const dir = incidentDir('secret-var');
  const runbook = path.join(tmp, 'secret-var.md');
  fs.writeFileSync(runbook, '# Elastic\n\n```bash\necho "login elastic:<es-password> on <host>"\n```\n');
  const password = 'Tr0ub4dor-and-3-horses';
  const r = runCli(runbook, '--block', '1', '--incident', dir, '--var', `es-password=${password}`, '--var', 'host=es-1');
  assert.equal(r.code, 0, r.stderr);
  // The block got the value (the recorded output is masked, not empty); stdout shows it masked.
  assert.equal(r.stdout, 'login elastic:[REDACTED:placeholder] on es-1\n');
  assert.ok(!r.stderr.includes(password));
  const [entry] = timeline(dir);
  assert.equal(entry.command, 'echo "login elastic:[REDACTED:placeholder] on es-1"');
  for (const f of ['timeline.jsonl', 'timeline.md', 'incident.json', `outputs/${entry.id}.log`]) {
    assert.ok(!fs.readFileSync(path.join(dir, f), 'utf8').includes(password), f);
  }
});

test('a block that asks for a terminal is said to run without one, in a new incident folder and in an existing one', () => {
  const runbook = path.join(tmp, 'tty.md');
  fs.writeFileSync(runbook, '# TTY\n\n```bash interactive=true\necho hi\n```\n');
  const dir = incidentDir('tty');
  for (const time of ['new', 'existing']) {
    const r = runCli(runbook, '--block', '1', '--incident', dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /block 1 asks for a terminal; running it without a TTY/, `${time} folder`);
  }
  assert.equal(timeline(dir).length, 2);
});
