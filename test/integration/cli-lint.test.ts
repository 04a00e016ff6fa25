import { before, after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { builtCli } from '../harness/builtCli';

const root = path.resolve(__dirname, '../..');
let cli = '';
let cleanupCli = (): void => undefined;
const reference = path.join(root, 'examples/incident-response.md');
const flawed = path.join(root, 'test/fixtures/lint/flawed.md');
let tmp = '';

function lint(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'lint', ...args], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  ({ cli, cleanup: cleanupCli } = await builtCli());
  tmp = mkdtempSync(path.join(tmpdir(), 'rl-lint-'));
});
after(() => {
  rmSync(tmp, { recursive: true, force: true });
  cleanupCli();
});

test('warnings only: exit 0, one file:line:col line per finding (1-based column)', () => {
  const r = lint(reference);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 7);
  assert.match(lines[0], /^.*incident-response\.md:87:1 warning RL002 Block 5 runs `kubectl rollout restart/);
  assert.match(lines[4], /:236:9 warning RL002 /);
});

test('an error makes the exit status 1; --json carries the same findings', () => {
  const human = lint(flawed);
  assert.equal(human.code, 1);
  const json = lint('--json', flawed);
  assert.equal(json.code, 1);
  const items = JSON.parse(json.stdout) as { file: string; line: number; column: number; severity: string; code: string; message: string }[];
  assert.equal(items.length, human.stdout.trim().split('\n').length);
  for (const [i, line] of human.stdout.trim().split('\n').entries()) {
    const d = items[i];
    assert.equal(line, `${d.file}:${d.line}:${d.column + 1} ${d.severity} ${d.code} ${d.message}`);
  }
  assert.deepEqual(items.filter((d) => d.severity === 'error').map((d) => d.code), ['RL005', 'RL007', 'RL001', 'RL001']);
});

test('several files: findings of each, exit 1 if any has an error; a clean file prints nothing', () => {
  const clean = path.join(tmp, 'clean.md');
  writeFileSync(clean, '# Check\n\n```bash\nkubectl get pods\n```\n');
  const alone = lint(clean);
  assert.deepEqual([alone.code, alone.stdout], [0, '']);
  const both = lint(clean, flawed);
  assert.equal(both.code, 1);
  assert.ok(both.stdout.split('\n').every((l) => l === '' || l.startsWith(flawed)));
});

test('bad arguments exit 2 with a one-line error and no stack trace', () => {
  for (const args of [[], ['--nope', reference], [path.join(tmp, 'missing.md')], [tmp]]) {
    const r = lint(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^runbook-lens lint: /);
  }
});
