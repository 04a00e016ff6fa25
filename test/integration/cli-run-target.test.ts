// `runbook-lens run --incident DIR` runs where the incident is pinned (incident.json `target`),
// with real kubectl against two fake clusters, and never prints a secret the block prints.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeCluster, writeFakeKubeconfig, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { runProcess } from '../support/fakeCluster/kubectl';
import { bundleCli } from '../support/bundleCli';
import { credentialCorpus, leakedPieces } from '../support/credentialCorpus';
import { loadTarget } from '../../src/core/kube/loadTarget';
import { ensureIncidentDir, readIncident } from '../../src/core/incident/incidentStore';
import type { TimelineEntry } from '../../src/core/incident/types';
import type { KubeTarget } from '../../src/core/kube/types';

let tmp = '';
let home = '';
let cliJs = '';
let kubeconfig = '';
let staging: FakeCluster;
let canary: FakeCluster;
let runbook = '';

const RUNBOOK = [
  '# Where', '',
  '```bash', 'kubectl config current-context', 'kubectl get nodes -o name', '```', '',
].join('\n');

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-target-'));
  home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  cliJs = await bundleCli(tmp);
  staging = await startFakeCluster(photonFixture('staging', { tokens: { 'staging-token': { name: 'sre' } } }));
  canary = await startFakeCluster(photonFixture('prod', { tokens: { 'canary-token': { name: 'sre' } } }));
  // The kubeconfig's current context is canary: a run that ignored the pin would go there.
  kubeconfig = writeFakeKubeconfig(path.join(tmp, 'kubeconfig.yaml'), [
    { context: 'staging', server: staging.url, namespace: 'photon-mlir', token: 'staging-token' },
    { context: 'canary', server: canary.url, namespace: 'photon-mlir', token: 'canary-token' },
  ], 'canary');
  runbook = path.join(tmp, 'runbook.md');
  fs.writeFileSync(runbook, RUNBOOK);
});

after(async () => {
  await Promise.all([staging?.close(), canary?.close()]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

const targetOf = (context: string): KubeTarget => loadTarget({ env: { KUBECONFIG: kubeconfig }, context }).target;

function cli(args: string[]) {
  return runProcess(process.execPath, [cliJs, 'run', ...args], {
    cwd: tmp, timeoutMs: 30_000, env: { PATH: process.env.PATH, HOME: home, KUBECONFIG: kubeconfig, TMPDIR: tmp },
  });
}

async function pinnedIncident(name: string, context: string): Promise<string> {
  const dir = path.join(tmp, name);
  await ensureIncidentDir(dir, { title: name, target: targetOf(context) });
  return dir;
}

const entries = (dir: string): TimelineEntry[] => fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry);

test('an incident pinned to staging runs on staging, whatever the kubeconfig\'s current context', async () => {
  const dir = await pinnedIncident('pinned', 'staging');
  const r = await cli([runbook, '--block', '1', '--incident', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'staging\nnode/staging-node-1\nnode/staging-node-2\n');
  const result = entries(dir).find((e) => e.kind === 'command' && e.status !== 'started')!;
  assert.deepEqual(result.target, targetOf('staging'));
});

test('--context for another target than the pinned one is refused with exit 2, naming both', async () => {
  const dir = await pinnedIncident('conflict', 'staging');
  const r = await cli([runbook, '--block', '1', '--incident', dir, '--context', 'canary']);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '', 'nothing ran');
  assert.match(r.stderr, /pinned to staging\/photon-mlir, not canary\/photon-mlir: nothing ran/);
  assert.match(r.stderr, /--retarget/);
  assert.deepEqual(entries(dir), [], 'nothing recorded');
  // The pinned context itself is fine.
  assert.equal((await cli([runbook, '--block', '1', '--incident', dir, '--context', 'staging'])).code, 0);
});

test('--retarget runs on the new target, re-pins the incident and records the change in the timeline (a note carrying the new target)', async () => {
  const dir = await pinnedIncident('retarget', 'staging');
  const r = await cli([runbook, '--block', '1', '--incident', dir, '--context', 'canary', '--retarget']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^canary\nnode\/prod-eu-node-1\n/);
  const [note, start, result] = entries(dir);
  assert.deepEqual([note.kind, note.text, note.pinnedTarget], ['note', 'Cluster target changed from staging/photon-mlir to canary/photon-mlir', targetOf('canary')]);
  assert.ok(note.actor, 'the note says who');
  assert.deepEqual([start.status, result.target], ['started', targetOf('canary')]);
  assert.deepEqual((await readIncident(dir)).target, targetOf('canary'));
  // The next run without flags follows the new pin.
  assert.match((await cli([runbook, '--block', '1', '--incident', dir])).stdout, /^canary\n/);
});

test('an incident with no pin runs on the flags\' target, or the environment as it is', async () => {
  const dir = path.join(tmp, 'unpinned');
  assert.match((await cli([runbook, '--block', '1', '--incident', dir, '--context', 'staging'])).stdout, /^staging\n/);
  assert.match((await cli([runbook, '--block', '1', '--incident', dir])).stdout, /^canary\n/);
});

test('secrets a block prints never reach the CLI\'s stdout or stderr (attacker corpus)', async () => {
  const samples = credentialCorpus(1, 41);
  const typed = 'Tr0ub4dor-and-3-horses';
  const body = samples.map((s, i) => (i % 2 ? `token: ${s.value}` : `export API_TOKEN=${s.value}`)).join('\n');
  const secretRunbook = path.join(tmp, 'secrets.md');
  // Half on stdout, half on stderr; the typed secret placeholder value is echoed too.
  fs.writeFileSync(secretRunbook, [
    '# Leak', '',
    '```bash', `cat <<'EOF'\n${body}\nEOF`, `cat >&2 <<'EOF'\n${body}\nEOF`, 'echo "login <es-password>"', '```', '',
  ].join('\n'));
  const dir = path.join(tmp, 'secrets');
  const r = await cli([secretRunbook, '--block', '1', '--incident', dir, '--var', `es-password=${typed}`]);
  assert.equal(r.code, 0, r.stderr);
  const printed = `${r.stdout}\n${r.stderr}`;
  const leaks = samples.filter((s) => leakedPieces(s.value, printed)).map((s) => s.provider);
  assert.deepEqual(leaks, [], `held ${samples.length - leaks.length}/${samples.length}`);
  assert.ok(!printed.includes(typed), 'the typed secret is masked live');
  assert.match(r.stdout, /login \[REDACTED:placeholder\]/);
  assert.match(r.stdout, /\[REDACTED:/, 'the output was shown, masked');
});
