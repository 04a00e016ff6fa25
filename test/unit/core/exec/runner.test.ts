import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runProcess } from '../../../../src/core/exec/runner';
import { procState } from '../../../../src/core/exec/processGroup';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-runner-'));
const leftovers: number[] = [];
after(() => {
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Gone, or a zombie waiting to be reaped (it no longer runs). */
function isGone(pid: number): boolean {
  if (process.platform === 'linux') {
    const s = procState(pid);
    return !s || s.state === 'Z' || s.state === 'X';
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Resolves with the first number printed after `marker` in the raw output. */
function pidFrom(marker: string, onPid: (pid: number) => void) {
  let seen = '';
  return (chunk: string) => {
    seen += chunk;
    const m = new RegExp(`${marker} (\\d+)\\n`).exec(seen);
    if (m) {
      const pid = Number(m[1]);
      seen = '';
      leftovers.push(pid);
      onPid(pid);
    }
  };
}

test('exit codes are reported as the shell returns them', async () => {
  const ok = await runProcess({ command: 'true' });
  assert.equal(ok.exitCode, 0);
  assert.equal(ok.signal, null);
  assert.equal(ok.timedOut, false);
  assert.equal(ok.cancelled, false);
  const failed = await runProcess({ command: 'echo before; exit 7' });
  assert.equal(failed.exitCode, 7);
  assert.equal(failed.output, 'before\n');
  assert.ok(!Number.isNaN(Date.parse(failed.startedAt)));
  assert.ok(failed.durationMs >= 0);
});

test('stderr is captured beside stdout, and onData says which stream', async () => {
  const chunks: [string, string][] = [];
  const r = await runProcess({ command: 'echo out; echo err >&2; echo out2', onData: (c, s) => chunks.push([s, c]) });
  assert.equal(r.exitCode, 0);
  assert.match(r.output, /out\n/);
  assert.match(r.output, /err\n/);
  assert.match(r.output, /out2\n/);
  assert.equal(chunks.filter(([s]) => s === 'stderr').map(([, c]) => c).join(''), 'err\n');
  assert.equal(chunks.filter(([s]) => s === 'stdout').map(([, c]) => c).join(''), 'out\nout2\n');
});

test('ANSI escapes are stripped from output and file, but onData gets the raw text', async () => {
  const file = path.join(tmp, 'ansi.log');
  let raw = '';
  const r = await runProcess({
    command: "printf '\\033[31mred\\033[0m plain \\033]8;;http://x\\007link\\033]8;;\\007\\n'; printf 'step 1\\rstep 2\\rdone\\n'",
    outputFile: file,
    onData: (c) => { raw += c; },
  });
  assert.equal(r.output, 'red plain link\ndone\n');
  assert.equal(fs.readFileSync(file, 'utf8'), 'red plain link\ndone\n');
  assert.ok(raw.includes('\u001b[31m'), 'live view sees the colours');
  assert.equal(r.outputBytes, Buffer.byteLength('red plain link\ndone\n'));
});

test('large output: bounded head and tail in memory, everything in the output file', async () => {
  const file = path.join(tmp, 'big.log');
  const lines = 1_500_000;
  const r = await runProcess({ command: `seq 1 ${lines}`, outputFile: file, capBytes: 4096 });
  assert.equal(r.exitCode, 0);
  assert.equal(r.truncated, true);
  assert.ok(Buffer.byteLength(r.output) < 4096 + 200, `capture stays near the cap (${Buffer.byteLength(r.output)} bytes)`);
  assert.ok(r.output.startsWith('1\n2\n3\n'));
  assert.ok(r.output.endsWith(`${lines - 1}\n${lines}\n`));
  assert.match(r.output, /bytes omitted/);
  const full = fs.readFileSync(file, 'utf8');
  const expected = Array.from({ length: lines }, (_, i) => `${i + 1}\n`).join('');
  assert.equal(full.length, expected.length);
  assert.equal(full, expected);
  assert.equal(r.outputBytes, expected.length);
});

test('stdin is closed: a command reading it ends instead of hanging', async () => {
  const r = await runProcess({ command: 'cat; echo "read done"', timeoutMs: 5000 });
  assert.equal(r.timedOut, false);
  assert.equal(r.output, 'read done\n');
});

test('cwd, env and shell are honoured', async () => {
  const r = await runProcess({ command: 'pwd; echo "$RL_TEST_VALUE"', cwd: tmp, env: { ...process.env, RL_TEST_VALUE: 'v-42' }, shell: 'sh' });
  assert.equal(r.output, `${fs.realpathSync(tmp)}\nv-42\n`);
});

test('Stop ends the whole process group, grandchildren included', async () => {
  const stop = new AbortController();
  let grandchild = 0;
  const started = Date.now();
  const r = await runProcess({
    command: "sh -c 'sleep 300 & echo \"grandchild $!\"; wait'; echo never",
    signal: stop.signal,
    killGraceMs: 1000,
    onData: pidFrom('grandchild', (pid) => { grandchild = pid; stop.abort(); }),
  });
  assert.ok(grandchild > 0, 'the grandchild printed its pid');
  assert.equal(r.cancelled, true);
  assert.equal(r.timedOut, false);
  assert.equal(r.exitCode, null);
  assert.equal(r.signal, 'SIGTERM');
  assert.ok(isGone(grandchild), `grandchild ${grandchild} is gone`);
  assert.doesNotMatch(r.output, /never/);
  assert.ok(Date.now() - started < 10_000);
});

test('timeout ends the group, with SIGKILL for a grandchild that ignores SIGTERM', async () => {
  let grandchild = 0;
  const r = await runProcess({
    // Ignored signals are inherited: the sleep ignores SIGTERM as well.
    command: "sh -c 'trap \"\" TERM; sleep 300 & echo \"grandchild $!\"; wait'",
    timeoutMs: 700,
    killGraceMs: 500,
    onData: pidFrom('grandchild', (pid) => { grandchild = pid; }),
  });
  assert.ok(grandchild > 0);
  assert.equal(r.timedOut, true);
  assert.equal(r.cancelled, false);
  assert.ok(r.durationMs >= 650, `ran until the timeout (${r.durationMs} ms)`);
  assert.ok(isGone(grandchild), `grandchild ${grandchild} that ignored SIGTERM is gone`);
});

test('a shell that cannot start is reported, not thrown', async () => {
  const r = await runProcess({ command: 'echo hi', shell: 'rl-no-such-shell' });
  assert.equal(r.exitCode, null);
  assert.match(r.spawnError ?? '', /rl-no-such-shell/);
  assert.match(r.output, /cannot start rl-no-such-shell/);
  const badCwd = await runProcess({ command: 'echo hi', cwd: path.join(tmp, 'missing') });
  assert.match(badCwd.spawnError ?? '', /working directory does not exist/);
});

test('an aborted signal before the start runs nothing', async () => {
  const stop = new AbortController();
  stop.abort();
  const marker = path.join(tmp, 'ran');
  const r = await runProcess({ command: `touch ${marker}`, signal: stop.signal });
  assert.equal(r.cancelled, true);
  assert.equal(fs.existsSync(marker), false);
});

test('a background process holding the output open does not hold up the run', async () => {
  let bg = 0;
  const started = Date.now();
  const r = await runProcess({
    command: 'sleep 30 & echo "bg $!"; echo done',
    onData: pidFrom('bg', (pid) => { bg = pid; }),
  });
  assert.equal(r.exitCode, 0);
  assert.ok(Date.now() - started < 5000, 'returned soon after the shell exited');
  assert.match(r.output, /done\n/);
  assert.match(r.output, /stopped capturing output/);
  assert.ok(bg > 0);
});

test('stop waits for a SIGTERM-ignoring grandchild that no longer holds the output, then kills it', async () => {
  const stop = new AbortController();
  let grandchild = 0;
  const r = await runProcess({
    command: "sh -c 'trap \"\" TERM; sleep 300 >/dev/null 2>&1 & echo \"grandchild $!\"'; sleep 300",
    signal: stop.signal,
    killGraceMs: 400,
    onData: pidFrom('grandchild', (pid) => { grandchild = pid; stop.abort(); }),
  });
  assert.equal(r.cancelled, true);
  assert.ok(grandchild > 0);
  assert.ok(isGone(grandchild), `grandchild ${grandchild} is gone when the run resolves`);
});

test('a live view that throws does not lose the output', async () => {
  const r = await runProcess({ command: 'echo one; echo two', onData: () => { throw new Error('view closed'); } });
  assert.equal(r.exitCode, 0);
  assert.equal(r.output, 'one\ntwo\n');
});

test('timeout with a SIGTERM-ignoring process on the output: captured until it is killed, no "background" note', async () => {
  const r = await runProcess({
    // The shell dies of SIGTERM; the subshell ignores it and keeps the output open until SIGKILL.
    command: "(trap '' TERM; sleep 300) & echo started; sleep 300",
    timeoutMs: 300,
    killGraceMs: 600,
  });
  assert.equal(r.timedOut, true);
  assert.equal(r.output, 'started\n');
  assert.ok(r.durationMs >= 250);
});
