import { before, after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TimelineEntry } from '../../src/core/incident/types';
import { builtCli } from '../harness/builtCli';

let cli = '';
let cleanupCli = (): void => undefined;
let tmp = '';
let env: NodeJS.ProcessEnv = {};

const RUNBOOK = `# Guard test

## Look

\`\`\`bash
touch look.ran
kubectl get pods
\`\`\`

## Restart

\`\`\`bash
touch restart.ran
kubectl rollout restart deployment/photon -n photon
\`\`\`

## Hidden

\`\`\`bash
touch hidden.ran
echo "ok" # \u202E fake
\`\`\`

## Wipe

\`\`\`bash
touch wipe.ran
rm -rf /
\`\`\`

## Forced

\`\`\`bash {"confirm":"true"}
touch forced.ran
\`\`\`

## Secret

\`\`\`bash
kubectl get secret db-credentials -o yaml
\`\`\`
`;

const SECRET_YAML = `apiVersion: v1
data:
  password: UzNjcjN0LVBhc3N3MHJkLTIwMjY=
  username: cGhvdG9uX2FwcA==
kind: Secret
metadata:
  name: db-credentials
type: Opaque
`;

function cliRun(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: tmp, env, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function timeline(dir: string): TimelineEntry[] {
  // Results only: each run's write-ahead `started` record is left out.
  return fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry).filter((e) => e.status !== 'started');
}

before(async () => {
  ({ cli, cleanup: cleanupCli } = await builtCli());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-guard-'));
  fs.writeFileSync(path.join(tmp, 'runbook.md'), RUNBOOK);
  // A stand-in kubectl: the guard classifies the words, this only prints them.
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'kubectl'), `#!/bin/sh\nif [ "$2" = secret ]; then cat "${path.join(tmp, 'secret.yaml')}"; else echo "kubectl $*"; fi\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(tmp, 'secret.yaml'), SECRET_YAML);
  const kubeconfig = path.join(tmp, 'kubeconfig');
  fs.writeFileSync(kubeconfig, [
    'apiVersion: v1', 'kind: Config', 'current-context: kind-dev',
    'clusters:', '- name: c1', '  cluster:', '    server: https://127.0.0.1:1',
    'users:', '- name: u1', '  user:', '    token: not-a-real-token',
    'contexts:', '- name: kind-dev', '  context: {cluster: c1, user: u1, namespace: photon}',
    '- name: prod-eu', '  context: {cluster: c1, user: u1, namespace: photon}', '',
  ].join('\n'));
  env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, KUBECONFIG: kubeconfig };
});

after(() => {
  cleanupCli();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('a read-only block runs without --yes', () => {
  const r = cliRun('run', 'runbook.md', '--block', '1', '--incident', 'inc-look');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(fs.existsSync(path.join(tmp, 'look.ran')));
});

test('a destructive block without --yes runs nothing and exits 3 saying why', () => {
  const r = cliRun('run', 'runbook.md', '--block', '2', '--incident', 'inc-refused');
  assert.equal(r.code, 3);
  assert.match(r.stderr, /refused to run the block at line 12 in Guard test › Restart on .+; nothing ran/);
  assert.doesNotMatch(r.stderr, /block 2/, 'block numbers appear nowhere');
  assert.match(r.stderr, /kubectl rollout restart deployment\/photon -n photon` \(line 14\) restarts every pod/);
  assert.match(r.stderr, /--yes/);
  assert.ok(!fs.existsSync(path.join(tmp, 'restart.ran')));
  assert.ok(!fs.existsSync(path.join(tmp, 'inc-refused')), 'no incident folder either');
});

test('--yes runs it and the confirmation is recorded with the destructive commands', () => {
  const r = cliRun('run', 'runbook.md', '--block', '2', '--incident', 'inc-yes', '--yes');
  assert.equal(r.code, 0, r.stderr);
  const [entry] = timeline(path.join(tmp, 'inc-yes'));
  assert.equal(entry.confirmation?.method, 'cli-yes');
  assert.deepEqual(entry.confirmation?.destructive, ['kubectl rollout restart deployment/photon -n photon']);
});

test('a protected context also needs --confirm-context with its exact name', () => {
  const base = ['run', 'runbook.md', '--block', '2', '--context', 'prod-eu'];
  const noName = cliRun(...base, '--incident', 'inc-prod', '--yes');
  assert.equal(noName.code, 3);
  assert.match(noName.stderr, /protected context 'prod-eu'/);
  assert.match(noName.stderr, /--confirm-context prod-eu/);
  const wrong = cliRun(...base, '--incident', 'inc-prod', '--yes', '--confirm-context', 'prod');
  assert.equal(wrong.code, 3);
  assert.match(wrong.stderr, /'prod' does not match/);
  assert.ok(!fs.existsSync(path.join(tmp, 'inc-prod')));
  const ok = cliRun(...base, '--incident', 'inc-prod', '--yes', '--confirm-context', 'prod-eu');
  assert.equal(ok.code, 0, ok.stderr);
  const [entry] = timeline(path.join(tmp, 'inc-prod'));
  assert.equal(entry.confirmation?.method, 'cli-confirm-context');
  assert.equal(entry.target?.context, 'prod-eu');
});

test('hidden Unicode and deny rules are refused even with --yes', () => {
  const hidden = cliRun('run', 'runbook.md', '--block', '3', '--incident', 'inc-hidden', '--yes');
  assert.equal(hidden.code, 3);
  assert.match(hidden.stderr, /U\+202E RIGHT-TO-LEFT OVERRIDE at line 21, column 13/);
  assert.ok(!fs.existsSync(path.join(tmp, 'hidden.ran')));
  const wipe = cliRun('run', 'runbook.md', '--block', '4', '--incident', 'inc-wipe', '--yes');
  assert.equal(wipe.code, 3);
  assert.match(wipe.stderr, /`rm -rf \/` \(line 28\) is denied: deletes the whole file system/);
  assert.ok(!fs.existsSync(path.join(tmp, 'wipe.ran')));
});

test('confirm=true forces confirmation', () => {
  assert.equal(cliRun('run', 'runbook.md', '--block', '5', '--incident', 'inc-forced').code, 3);
  assert.equal(cliRun('run', 'runbook.md', '--block', '5', '--incident', 'inc-forced', '--yes').code, 0);
});

test('kubectl get secret -o yaml leaves no secret value in timeline.jsonl, timeline.md or the output file', () => {
  const r = cliRun('run', 'runbook.md', '--block', '6', '--incident', 'inc-secret');
  assert.equal(r.code, 0, r.stderr);
  // The live view is redacted like the record: the block prints secret material, so it shows a note instead.
  assert.ok(!`${r.stdout}${r.stderr}`.includes('UzNjcjN0LVBhc3N3MHJkLTIwMjY='), 'no secret on stdout or stderr');
  assert.match(r.stderr, /output not shown here: the block runs `kubectl get secret with a data output format`, which prints secret material\]/);
  const dir = path.join(tmp, 'inc-secret');
  const files = ['timeline.jsonl', 'timeline.md', ...fs.readdirSync(path.join(dir, 'outputs')).map((f) => `outputs/${f}`)];
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    assert.ok(!text.includes('UzNjcjN0LVBhc3N3MHJkLTIwMjY='), f);
    assert.ok(!text.includes('cGhvdG9uX2FwcA=='), f);
  }
  const [entry] = timeline(dir);
  // `get secret -o yaml` prints secret material: its whole output is withheld from the record.
  assert.deepEqual(entry.redactions, { 'secret-command-output': 1 });
});

test('explain prints what runs, where, and the destructive parts; --json too', () => {
  const md = cliRun('explain', 'runbook.md', '--block', '2', '--context', 'prod-eu');
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /context `prod-eu`, cluster `c1`, namespace `photon`/);
  assert.match(md.stdout, /`kubectl rollout restart deployment\/photon -n photon` — restarts every pod of a workload · line 14/);
  assert.match(md.stdout, /type the context name/);
  const json = JSON.parse(cliRun('explain', 'runbook.md', '--block', '1', '--json').stdout) as { destructive: unknown[]; decision: { action: string } };
  assert.deepEqual(json.destructive, []);
  assert.equal(json.decision.action, 'run');
  const bad = cliRun('explain', 'runbook.md', '--block', '99');
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});

test('the nearest .vscode/settings.json above the runbook sets the rules and protected contexts', () => {
  const ws = path.join(tmp, 'team');
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.mkdirSync(path.join(ws, 'runbooks'));
  fs.writeFileSync(path.join(ws, 'runbooks', 'runbook.md'), RUNBOOK);
  // JSON with comments and a trailing comma, as VS Code writes it.
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), `{
    // the team's rules
    "runbookLens.safety.deny": ["kubectl get"],
    "runbookLens.safety.extraDestructive": ["touch"],
    "runbookLens.safety.protectedContexts": ["kind-*"],
  }`);
  const denied = cliRun('run', 'team/runbooks/runbook.md', '--block', '1', '--incident', 'inc-team', '--yes');
  assert.equal(denied.code, 3);
  assert.match(denied.stderr, /`kubectl get pods` \(line 7\) is denied: refused by runbookLens\.safety\.deny/);
  const extra = cliRun('run', 'team/runbooks/runbook.md', '--block', '5', '--incident', 'inc-team', '--context', 'kind-dev', '--yes');
  assert.equal(extra.code, 3);
  assert.match(extra.stderr, /protected context 'kind-dev'/);
  assert.ok(!fs.existsSync(path.join(ws, 'runbooks', 'forced.ran')), 'the refused block did not run');
  const explained = JSON.parse(cliRun('explain', 'team/runbooks/runbook.md', '--block', '5', '--json').stdout) as { destructive: { command: string }[] };
  assert.deepEqual(explained.destructive.map((d) => d.command), ['touch forced.ran']);

});

test('a bad value in .vscode/settings.json is a warning on stderr and its default is used, as in the extension', () => {
  const ws = path.join(tmp, 'typo');
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'runbook.md'), RUNBOOK);
  // One bad item in a list drops only that item; a value of the wrong type falls back to the default.
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), '{ "runbookLens.safety.deny": ["kubectl get", 1], "runbookLens.safety.protectedContexts": "kind-*" }');
  const denied = cliRun('run', 'typo/runbook.md', '--block', '1', '--incident', 'inc-typo', '--yes');
  assert.equal(denied.code, 3, denied.stderr);
  assert.match(denied.stderr, /warning: .*settings\.json: runbookLens\.safety\.deny: item 2, 1, is not allowed \(a non-empty command pattern\); it is ignored/);
  assert.match(denied.stderr, /warning: .*settings\.json: runbookLens\.safety\.protectedContexts: "kind-\*" is not allowed \(a list of context name patterns\); using \["\*prod\*"\] instead/);
  assert.match(denied.stderr, /is denied: refused by runbookLens\.safety\.deny/, 'the good deny item still applies');
  const prod = cliRun('run', 'typo/runbook.md', '--block', '2', '--context', 'prod-eu', '--incident', 'inc-typo', '--yes');
  assert.equal(prod.code, 3, 'the default protected contexts apply');
  assert.match(prod.stderr, /protected context 'prod-eu'/);
  assert.ok(!fs.existsSync(path.join(ws, 'look.ran')) && !fs.existsSync(path.join(ws, 'restart.ran')), 'the refused blocks did not run');

  // A missing comma: VS Code keeps what parses, and so does the CLI, so the deny rule still holds.
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), '{ "runbookLens.safety.deny": ["kubectl get"] "runbookLens.shell": "bash" }');
  const broken = cliRun('run', 'typo/runbook.md', '--block', '1', '--incident', 'inc-typo', '--yes');
  assert.equal(broken.code, 3, broken.stderr);
  assert.match(broken.stderr, /warning: .*settings\.json: not valid JSON \(CommaExpected at offset \d+\); the settings that could be read are used/);
  assert.match(broken.stderr, /is denied: refused by runbookLens\.safety\.deny/);
});

test('a destructive block a teammate ran recently: the refusal and the --yes run both say who, when, where and how it ended', () => {
  const asBob = spawnSync(process.execPath, [cli, 'run', 'runbook.md', '--block', '2', '--incident', 'inc-team', '--context', 'kind-dev', '--yes'], { cwd: tmp, env: { ...env, RUNBOOK_LENS_ACTOR: 'bob' }, encoding: 'utf8', timeout: 20_000 });
  assert.equal(asBob.status, 0, asBob.stderr);
  assert.doesNotMatch(asBob.stderr, /ran this block/, 'nobody else ran it before bob');
  const me = { ...env, RUNBOOK_LENS_ACTOR: 'alice' };
  const refused = spawnSync(process.execPath, [cli, 'run', 'runbook.md', '--block', '2', '--incident', 'inc-team', '--context', 'kind-dev'], { cwd: tmp, env: me, encoding: 'utf8', timeout: 20_000 });
  assert.equal(refused.status, 3);
  assert.match(refused.stderr, /^runbook-lens run: bob ran this block \d+ s ago on kind-dev\/photon: ✓ 0$/m);
  const yes = spawnSync(process.execPath, [cli, 'run', 'runbook.md', '--block', '2', '--incident', 'inc-team', '--context', 'kind-dev', '--yes'], { cwd: tmp, env: me, encoding: 'utf8', timeout: 20_000 });
  assert.equal(yes.status, 0, yes.stderr);
  assert.match(yes.stderr, /bob ran this block \d+ s ago on kind-dev\/photon: ✓ 0/);
  const again = spawnSync(process.execPath, [cli, 'run', 'runbook.md', '--block', '2', '--incident', 'inc-team', '--context', 'kind-dev'], { cwd: tmp, env: { ...env, RUNBOOK_LENS_ACTOR: 'bob' }, encoding: 'utf8', timeout: 20_000 });
  assert.match(again.stderr, /alice ran this block/, 'to bob, alice is the teammate');
});
