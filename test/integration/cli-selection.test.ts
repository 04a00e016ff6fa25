// The CLI's side of issue 12 items 10 and 11: consent refusals name the block by name and section
// with the block's constants expanded, and `run --lines A-B` runs only those lines of the block.
import { before, after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TimelineEntry } from '../../src/core/incident/types';
import { builtCli } from '../harness/builtCli';

// “Restart the deployment”: fence at 7, lines 8 (NAMESPACE=), 9 (echo > read.ran), 10 (kubectl delete),
// 12 (touch restart.ran; rollout restart <deploy>); the “Check” block 31–34 echoes one, two.
const RUNBOOK = fs.readFileSync(path.join(__dirname, '../fixtures/run/selection.md'), 'utf8');

let cli = '';
let cleanupCli = (): void => undefined;
let tmp = '';
let env: NodeJS.ProcessEnv = {};

function cliRun(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: tmp, env, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function timeline(dir: string): TimelineEntry[] {
  // Results only: each run's write-ahead `started` record is left out.
  return fs.readFileSync(path.join(tmp, dir, 'timeline.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry).filter((e) => e.status !== 'started');
}

before(async () => {
  ({ cli, cleanup: cleanupCli } = await builtCli());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-selection-'));
  fs.writeFileSync(path.join(tmp, 'runbook.md'), RUNBOOK);
  const kubeconfig = path.join(tmp, 'kubeconfig');
  fs.writeFileSync(kubeconfig, [
    'apiVersion: v1', 'kind: Config', 'current-context: prod-eu',
    'clusters:', '- name: c1', '  cluster:', '    server: https://127.0.0.1:1',
    'users:', '- name: u1', '  user:', '    token: not-a-real-token',
    'contexts:', '- name: prod-eu', '  context: {cluster: c1, user: u1, namespace: photon-mlir}', '',
  ].join('\n'));
  env = { ...process.env, KUBECONFIG: kubeconfig };
});

after(() => {
  cleanupCli();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the consent refusal names the block and section, the target, and the namespace the block sets', () => {
  const r = cliRun('run', 'runbook.md', '--name', 'Restart the deployment', '--var', 'deploy=web', '--incident', 'inc-refused', '--yes');
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /^runbook-lens run: refused to run “Restart the deployment” in Recovery › Service Restart \(line 7\) on prod-eu\/photon-mlir; nothing ran\./);
  assert.match(r.stderr, /`kubectl rollout restart deployment\/web -n photon-mlir` \(line 12\)/);
  assert.match(r.stderr, /`kubectl delete pod -n photon-mlir web-1` \(line 10\) deletes/);
  assert.match(r.stderr, /--yes --confirm-context prod-eu/);
  assert.doesNotMatch(r.stderr, /block 1|\$NAMESPACE/);
  assert.ok(!fs.existsSync(path.join(tmp, 'read.ran')) && !fs.existsSync(path.join(tmp, 'restart.ran')), 'nothing ran');
});

test('--lines runs only those lines, classified alone, and the entry records them', () => {
  const r = cliRun('run', 'runbook.md', '--block', '1', '--lines', '8-9', '--incident', 'inc-lines');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(fs.readFileSync(path.join(tmp, 'read.ran'), 'utf8'), 'reading credentials in photon-mlir\n');
  assert.ok(!fs.existsSync(path.join(tmp, 'restart.ran')), 'the line after the selection did not run');
  assert.match(r.stderr, /^runbook-lens run: block 1 lines 8–9 exit 0 after /m);
  assert.match(fs.readFileSync(path.join(tmp, 'inc-lines', 'timeline.md'), 'utf8'), /\(block 1, line 7, lines 8–9 only \(Run Selection\)\)/);
  const [entry] = timeline('inc-lines');
  assert.deepEqual(entry.lines, [8, 9]);
  assert.equal(entry.selection, true);
  assert.equal(entry.command, 'NAMESPACE="photon-mlir"\necho "reading credentials in $NAMESPACE" > read.ran');
  assert.equal(entry.confirmation, undefined, 'the selected lines are harmless: no --yes needed');
});

test('--lines over the destructive line is refused with the selection named', () => {
  const r = cliRun('run', 'runbook.md', '--block', '1', '--lines', '8-10', '--incident', 'inc-lines-destructive');
  assert.equal(r.code, 3);
  assert.match(r.stderr, /refused to run lines 8–10 of “Restart the deployment” in Recovery › Service Restart on prod-eu\/photon-mlir; nothing ran/);
  assert.match(r.stderr, /`kubectl delete pod -n photon-mlir web-1` \(line 10\)/);
});

test('--lines outside the block, a bad range, or no command: exit 2, one clear line, nothing recorded', () => {
  for (const [lines, why] of [['32-33', /go outside “Restart the deployment”/], ['5', /line 5 is outside/], ['x-y', /--lines must be A-B/], ['11', /no command/]] as const) {
    const r = cliRun('run', 'runbook.md', '--block', '1', '--lines', lines, '--incident', 'inc-bad');
    assert.equal(r.code, 2, `${lines}: ${r.stderr}`);
    assert.match(r.stderr, why);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  assert.ok(!fs.existsSync(path.join(tmp, 'inc-bad')));
  const two = cliRun('run', 'runbook.md', '--block', '4', '--lines', '33', '--incident', 'inc-two');
  assert.equal(two.code, 0, two.stderr);
  assert.equal(two.stdout, 'two\n');
});

test('explain uses the same words: no block number, the constants expanded beside what is written', () => {
  const r = cliRun('explain', 'runbook.md', '--block', '1');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# “Restart the deployment” in Recovery › Service Restart \(line 7\)\n/);
  assert.match(r.stdout, /- `kubectl delete pod -n photon-mlir web-1` \(written `kubectl delete pod -n "\$NAMESPACE" web-1`\) — deletes/);
  const json = JSON.parse(cliRun('explain', 'runbook.md', '--block', '1', '--json').stdout) as { destructive: { command: string; expanded?: string }[] };
  assert.deepEqual(json.destructive.map((d) => [d.command, d.expanded]), [
    ['kubectl delete pod -n "$NAMESPACE" web-1', 'kubectl delete pod -n photon-mlir web-1'],
    ['kubectl rollout restart deployment/<deploy> -n "$NAMESPACE"', 'kubectl rollout restart deployment/<deploy> -n photon-mlir'],
  ]);
});
