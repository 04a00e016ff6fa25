import { before, after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureIncidentDir } from '../../src/core/incident/incidentStore';
import { readTimeline } from '../../src/core/incident/timeline';
import { exitText } from '../../src/core/incident/entryText';
import type { TimelineEntry } from '../../src/core/incident/types';
import { builtCli } from '../harness/builtCli';

// The write-ahead record (issue 17 §4) against a really full disk (a 64 KiB tmpfs), a CLI killed
// with SIGKILL, and the causes of spawn failures (§5) on the terminal. Real CLI, real bash.
let cli = '';
let cleanupCli = (): void => undefined;
let tmp = '';
const mounts: string[] = [];

before(async () => {
  ({ cli, cleanup: cleanupCli } = await builtCli());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-run-recording-'));
});
after(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  fs.rmSync(tmp, { recursive: true, force: true });
  cleanupCli();
});

function runCli(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'run', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runbook(name: string, code: string, info = 'bash'): string {
  const file = path.join(tmp, `${name}.md`);
  fs.writeFileSync(file, `# Recording\n\n\`\`\`${info}\n${code}\n\`\`\`\n`);
  return file;
}

function rawLines(dir: string): TimelineEntry[] {
  return fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry);
}

/** A 64 KiB tmpfs: writes past it fail with a real ENOSPC. Needs root (the test machines run as root). */
function smallDisk(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, `mounting a 64 KiB tmpfs (needs root): ${r.stderr}`);
  mounts.push(dir);
  return dir;
}

/** Writes to `file` until the disk refuses even one more byte. */
function fillDisk(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [4096, 1]) {
      const buf = Buffer.alloc(size, 0x61);
      try {
        for (;;) fs.writeSync(fd, buf);
      } catch (err) {
        assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

test('full disk at the start: nothing runs, exit 4, the message says why', async () => {
  const disk = smallDisk('disk-start');
  const { dir } = await ensureIncidentDir(path.join(disk, 'inc'), { title: 'full disk' });
  fillDisk(path.join(disk, 'filler'));
  const marker = path.join(tmp, 'start-ran');
  const file = runbook('start', `touch ${marker}\necho "ran"`);
  const r = runCli(file, '--block', '1', '--incident', dir);
  assert.equal(r.code, 4, r.stderr);
  assert.equal(r.stdout, '', 'the block printed nothing: it did not run');
  assert.equal(fs.existsSync(marker), false, 'the block did not run');
  assert.match(r.stderr, /^runbook-lens run: the block at line 3 in Recording did not run: its start could not be recorded in \S+timeline\.jsonl: .*ENOSPC/);
  const { entries, problems } = await readTimeline(dir);
  assert.deepEqual([entries, problems], [[], []], 'no torn or half-recorded line is left');
});

test('full disk at the end: the message says the block ran, its exit code and where the output is', async () => {
  const disk = smallDisk('disk-end');
  const { dir } = await ensureIncidentDir(path.join(disk, 'inc'), { title: 'fills up' });
  // Prints 14 KB (saved to outputs/<id>.log), then fills the disk, then exits 5.
  const file = runbook('end', `seq 1 3000\nsleep 0.5\ncat /dev/zero > ${path.join(disk, 'filler')} 2>/dev/null\nexit 5`);
  const r = runCli(file, '--block', '1', '--incident', dir);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stdout, /^1\n2\n[\s\S]*\n3000\n$/, 'the output was streamed live');
  const m = /^runbook-lens run: the block at line 3 in Recording ran \(exit 5 after [\d.]+ s\) but its result could not be recorded in \S+timeline\.jsonl: .*ENOSPC.*; its full output is in (\S+\.log) \(what it printed is above\)\n$/.exec(r.stderr);
  assert.ok(m, r.stderr);
  assert.match(fs.readFileSync(m[1], 'utf8'), /^1\n[\s\S]*\n3000\n$/);
  // What is recorded is true: the run started and its result is unknown to the timeline.
  const { entries, problems } = await readTimeline(dir);
  assert.deepEqual(problems, []);
  assert.deepEqual(entries.map((e) => [e.status, exitText(e)]), [['started', 'started, not finished']]);
});

test('a CLI killed with SIGKILL leaves a started record that every view shows as not finished', async () => {
  const dir = path.join(tmp, 'killed');
  const file = runbook('killed', 'echo "ready $$"\nsleep 30');
  const child = spawn(process.execPath, [cli, 'run', file, '--block', '1', '--incident', dir]);
  const shellPid = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const found = /ready (\d+)/.exec(out);
      if (found) resolve(Number(found[1]));
    });
    child.on('exit', () => reject(new Error(`exited early: ${out}`)));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
  process.kill(-shellPid, 'SIGKILL'); // the block's own process group outlives the CLI

  const [only, ...rest] = rawLines(dir);
  assert.deepEqual(rest, []);
  assert.equal(only.status, 'started');
  assert.equal(only.exitCode, undefined);
  assert.match(fs.readFileSync(path.join(dir, 'timeline.md'), 'utf8'), /### .* · ▶ started · block 1 — Recording[\s\S]*if none follows, the run never finished/);
  const { entries } = await readTimeline(dir);
  assert.deepEqual(entries.map((e) => e.id), [only.id]);

  const pm = spawnSync(process.execPath, [cli, 'postmortem', dir], { encoding: 'utf8' });
  assert.equal(pm.status, 0, pm.stderr);
  const postmortem = fs.readFileSync(path.join(dir, 'post-mortem.md'), 'utf8');
  assert.match(postmortem, /1 command run \(0 failed, 1 started and never finished\)/);
  assert.match(postmortem, /## Failed steps\n\n\| Time[^\n]*\n[^\n]*\n\|[^\n]*started, not finished/);
  const metrics = spawnSync(process.execPath, [cli, 'metrics', tmp, '--json'], { encoding: 'utf8' });
  assert.equal(metrics.status, 0, metrics.stderr);
  assert.ok(JSON.parse(metrics.stdout), 'metrics read the timeline');
});

test('a spawn failure prints its cause on the terminal: missing shell, missing cwd, code too long for exec', () => {
  const dir = path.join(tmp, 'spawn');
  const cases: [string[], RegExp][] = [
    [[runbook('shell', 'echo hi'), '--shell', '/nonexistent/rl-sh'], /cannot start \/nonexistent\/rl-sh: no such program \(spawn \/nonexistent\/rl-sh ENOENT\)/],
    [[runbook('cwd', 'echo hi', 'bash { cwd=no-such-rl-dir }')], /working directory does not exist: \S+no-such-rl-dir/],
    [[runbook('long', `echo ${'A'.repeat(200_000)}`)], /cannot start bash: the code \(196 KiB\) is too long to pass to bash -c .*E2BIG/],
  ];
  for (const [args, cause] of cases) {
    const r = runCli(...args, '--block', '1', '--incident', dir);
    assert.equal(r.code, 127, r.stderr);
    assert.match(r.stderr, /runbook-lens run: block 1 did not start; recorded as \S+ in /);
    assert.match(r.stderr, cause);
    assert.doesNotMatch(r.stderr, /killed \(did not start\)/);
  }
  const results = rawLines(dir).filter((e) => e.status !== 'started');
  assert.equal(results.length, 3);
  for (const e of results) assert.ok(e.error && e.exitCode === null, JSON.stringify(e));
});

test('the CLI says the block failed when an earlier command failed, and exits 1', () => {
  const dir = path.join(tmp, 'steps');
  const r = runCli(runbook('steps', 'echo start\nls /nonexistent-rl-dir\necho end'), '--block', '1', '--incident', dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /runbook-lens run: block 1 exit 0, 1 failed command \(first: line 5, exit 2\) after [\d.]+ s/);
  assert.match(r.stderr, /runbook-lens run: first failed command \(line 5\): ls \/nonexistent-rl-dir → exit 2/);
  const [e] = rawLines(dir).filter((x) => x.status !== 'started');
  assert.deepEqual([e.exitCode, e.status, e.failedLine, e.failedCommand], [0, 'failed', 5, 'ls /nonexistent-rl-dir']);
});
