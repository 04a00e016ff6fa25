import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { terminalCommand } from '../../../../src/core/exec/terminalCommand';

test('a one-line block is typed as it is', async () => {
  const t = await terminalCommand('kubectl exec -it deploy/x -- sh\n', 'bash');
  assert.equal(t.commandLine, 'kubectl exec -it deploy/x -- sh');
});

test('a longer block runs as one private script, so the shell sees one command and an exit stays inside it', async () => {
  const code = 'echo "first"\nif true; then\n  echo \'second\'\nfi\nexit 3\n';
  const t = await terminalCommand(code, 'bash');
  const m = /^bash '([^']+)'$/.exec(t.commandLine);
  assert.ok(m, t.commandLine);
  const file = m[1];
  assert.match(fs.readFileSync(file, 'utf8'), /^trap '.*' ERR;set -E;echo "first"\nif true; then\n {2}echo 'second'\nfi\nexit 3\n$/);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  assert.equal(fs.statSync(file.replace(/\/block\.sh$/, '')).mode & 0o777, 0o700);
  // What the terminal will run, run the same way here.
  const r = spawnSync('bash', ['-c', t.commandLine], { encoding: 'utf8' });
  assert.equal(r.status, 3);
  assert.equal(r.stdout, 'first\nsecond\n');
  assert.deepEqual(t.failures(), [], 'exit is not a failing command');
  await t.dispose();
  assert.equal(fs.existsSync(file), false, 'dispose removes the script');
});

test('a longer block in the terminal reports its failing commands, as a ▶ Run does', async () => {
  const t = await terminalCommand('ls /nonexistent-rl-dir 2>/dev/null\necho done\n', 'bash');
  assert.equal(t.checked, true);
  const r = spawnSync('bash', ['-c', t.commandLine], { encoding: 'utf8' });
  assert.deepEqual([r.status, r.stdout], [0, 'done\n']);
  assert.deepEqual(t.failures(), [{ line: 1, exitCode: 2 }]);
  await t.dispose();
});
