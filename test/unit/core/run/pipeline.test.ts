import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeExecutor, promqlExecutor, runPipeline, type ScopeStep } from '../../../../src/core/run';
import { readIncident } from '../../../../src/core/incident/incidentStore';
import type { TimelineEntry } from '../../../../src/core/incident/types';
import { ScriptedDriver } from '../../../support/scriptedDriver';
import { FakeExecutor } from '../../../support/fakeExecutor';
import { credentialCorpus, leakedPieces } from '../../../support/credentialCorpus';
import { A, B, blocksOf, fence, incident, request, tmpDir } from './helpers';

const lines = (dir: string): TimelineEntry[] => fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry);

test('a run is recorded write-ahead, then its result; every step is reported in order', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash name=greet', 'echo hi'));
  const inc = await incident(dir, A);
  const driver = new ScriptedDriver();
  const exec = new FakeExecutor({ chunks: [{ text: 'hi\n' }], fileText: 'hi\n' });
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc }), driver, { executor: exec });
  assert.equal(outcome.status, 'done');
  const [start, result] = lines(inc);
  assert.deepEqual([start.status, result.status, result.startedEntry], ['started', 'ok', start.id]);
  for (const f of ['kind', 'actor', 'runbook', 'block', 'line', 'section', 'title', 'command', 'target', 'outputFile', 'confirmation']) {
    assert.deepEqual((result as unknown as Record<string, unknown>)[f], (start as unknown as Record<string, unknown>)[f], `${f} is the same in both`);
  }
  assert.deepEqual([result.actor, result.target, result.outputFile, result.title], ['tester', A, `outputs/${result.id}.log`, 'greet']);
  assert.equal(exec.runs[0].io.outputFile, path.join(inc, 'outputs', `${result.id}.log`));
  assert.deepEqual(driver.steps, ['prepared', 'confirmed', 'scoped', 'started', 'finished']);
  assert.equal(driver.shownText(), 'hi\n');
});

test('an empty actor is not recorded as one', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'echo hi'));
  const inc = await incident(dir);
  await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc, actor: '  ' }), new ScriptedDriver(), { executor: new FakeExecutor() });
  assert.ok(lines(inc).every((e) => !('actor' in e)));
});

test('the live view gets only redacted text: secrets printed in pieces, on both streams, never reach the driver', async (t) => {
  const dir = tmpDir(t);
  const samples = credentialCorpus(1, 29);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'echo <es-password>'));
  const inc = await incident(dir);
  const typed = 'Tr0ub4dor-and-3-horses';
  const chunks = samples.flatMap((s, i) => {
    const text = `token: ${s.value}\nexport API_TOKEN=${s.value}\nlogin ${typed}\n`;
    const cut = 1 + (i * 7) % (text.length - 1);
    const stream = i % 2 ? 'stderr' as const : 'stdout' as const;
    return [{ text: text.slice(0, cut), stream }, { text: text.slice(cut), stream }];
  });
  const driver = new ScriptedDriver();
  await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc, vars: { 'es-password': typed } }), driver, { executor: new FakeExecutor({ chunks }) });
  const shown = driver.shownText();
  const leaks = samples.filter((s) => leakedPieces(s.value, shown)).map((s) => s.provider);
  assert.deepEqual(leaks, [], `held ${samples.length - leaks.length}/${samples.length}`);
  assert.ok(!shown.includes(typed), 'the typed secret placeholder value is masked live too');
  assert.ok(driver.shown.some((s) => s.stream === 'stderr') && driver.shown.some((s) => s.stream === 'stdout'), 'streams stay apart');
});

test('a block that prints secret material shows one note live, and the driver\'s hint', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'oc whoami -t'));
  const inc = await incident(dir);
  const driver = new ScriptedDriver();
  const shown: string[] = [];
  driver.output = () => ({ write: (text: string) => { shown.push(text); }, withheldHint: 'Run in Terminal shows it on screen only' });
  await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc }), driver, { executor: new FakeExecutor({ chunks: [{ text: 'sha256~abc\n' }, { text: 'more\n', stream: 'stderr' }] }) });
  assert.equal(shown.length, 1);
  assert.match(shown[0], /^\[output not shown here: the block runs `oc whoami -t`, which prints secret material; Run in Terminal shows it on screen only\]\n$/);
});

test('a refused run writes nothing and runs nothing', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl delete pod web-1'));
  const inc = await incident(dir, A);
  const exec = new FakeExecutor();
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc }), new ScriptedDriver({ consent: false }), { executor: exec });
  assert.deepEqual([outcome.status, outcome.status === 'refused' && outcome.reason], ['refused', 'declined']);
  assert.equal(exec.runs.length, 0);
  assert.deepEqual(lines(inc), []);
});

test('not allowed here (untrusted), cancelled and invalid runs stop before anything runs', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'echo <x>'));
  const inc = await incident(dir, A);
  const exec = new FakeExecutor();
  const req = request(runbookPath, blocks[0], { incidentDir: inc });
  assert.equal((await runPipeline(req, new ScriptedDriver({ mayRun: false }), { executor: exec })).status, 'cancelled');
  assert.equal((await runPipeline(req, new ScriptedDriver({ cancelPlaceholders: true }), { executor: exec })).status, 'cancelled');
  const invalid = await runPipeline(req, new ScriptedDriver(), { executor: exec });
  assert.ok(invalid.status === 'invalid' && invalid.problem.kind === 'missing-placeholders');
  const conflict = await runPipeline({ ...req, vars: { x: '1' }, target: { requested: B } }, new ScriptedDriver(), { executor: exec });
  assert.ok(conflict.status === 'invalid' && conflict.problem.kind === 'target-conflict');
  assert.equal(exec.runs.length, 0);
});

test('a retarget re-pins the incident and is noted before the run, on the new target', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl get pods'));
  const inc = await incident(dir, A);
  const exec = new FakeExecutor();
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc, target: { requested: B, policy: 'retarget' } }), new ScriptedDriver(), { executor: exec });
  assert.equal(outcome.status, 'done');
  const [note, start, result] = lines(inc);
  // A note, as the issue asks, carrying the new target: the pinned target is folded from the timeline, on every replica.
  assert.deepEqual([note.kind, note.text, note.pinnedTarget, note.actor], ['note', 'Cluster target changed from staging-a/photon to staging-b/photon', B, 'tester']);
  assert.deepEqual([start.status, result.target], ['started', B]);
  assert.deepEqual((await readIncident(inc)).target, B);
});

test('a scope that fails: reported, nothing recorded or run, earlier scope parts undone', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl get pods'));
  const inc = await incident(dir, A);
  const undone: string[] = [];
  const ok: ScopeStep = { name: 'ok', apply: async () => ({ env: { OK: '1' }, dispose: async () => { undone.push('ok'); } }) };
  const bad: ScopeStep = { name: 'bad', apply: async () => { throw new Error('context staging-a is not in the kubeconfig'); } };
  const driver = new ScriptedDriver();
  const exec = new FakeExecutor();
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc }), driver, { executor: exec, scope: [ok, bad] });
  assert.equal(outcome.status, 'not-started');
  assert.deepEqual(driver.reports.map((r) => [r.phase, r.message]), [['scope', 'cannot target staging-a/photon: context staging-a is not in the kubeconfig']]);
  assert.deepEqual(undone, ['ok']);
  assert.equal(exec.runs.length, 0);
  assert.deepEqual(lines(inc), []);
});

test('the scope\'s variables reach the executor and are undone after the run', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl get pods'));
  const inc = await incident(dir, A);
  let disposed = 0;
  const kube: ScopeStep = { name: 'kube', apply: async (run) => ({ env: { KUBECONFIG: `/scoped/${run.target?.context}` }, dispose: async () => { disposed++; } }) };
  const exec = new FakeExecutor();
  await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc }), new ScriptedDriver(), { executor: exec, scope: [kube] });
  assert.equal(exec.runs[0].run.env.KUBECONFIG, '/scoped/staging-a');
  assert.equal(disposed, 1);
});

test('a start that cannot be recorded runs nothing and says so', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'echo hi'));
  const inc = await incident(dir);
  // timeline.jsonl as a folder: the append fails.
  fs.rmSync(path.join(inc, 'timeline.jsonl'));
  fs.mkdirSync(path.join(inc, 'timeline.jsonl'));
  const driver = new ScriptedDriver();
  const exec = new FakeExecutor();
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc }), driver, { executor: exec });
  assert.ok(outcome.status === 'not-recorded' && outcome.phase === 'start');
  assert.equal(exec.runs.length, 0);
  assert.match(driver.reports[0].message, /did not run: its start could not be recorded/);
});

test('a real pipe run: the block\'s cwd, its output file 0600, and its exit code', async (t) => {
  const dir = tmpDir(t);
  fs.mkdirSync(path.join(dir, 'work'));
  const { runbookPath, blocks } = blocksOf(dir, fence('bash cwd=work', 'pwd\nexit 3'));
  const inc = await incident(dir);
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc }), new ScriptedDriver(), { executor: pipeExecutor() });
  assert.ok(outcome.status === 'done' && outcome.entry);
  const entry = outcome.entry;
  assert.deepEqual([entry.exitCode, entry.status], [3, 'failed']);
  const file = path.join(inc, entry.outputFile!);
  assert.equal(fs.readFileSync(file, 'utf8'), `${path.join(dir, 'work')}\n`);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
});

test('a query is recorded once, as a query entry, with its target', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('promql', 'up'));
  const inc = await incident(dir, A);
  // Nothing listens on port 9 of loopback: the query fails, and a failed query is recorded too.
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc, timeoutSeconds: 2 }), new ScriptedDriver(), { executor: promqlExecutor(() => ({ baseUrl: 'http://127.0.0.1:9' })) });
  assert.ok(outcome.status === 'done' && outcome.entry);
  const all = lines(inc);
  assert.equal(all.length, 1);
  assert.deepEqual([all[0].kind, all[0].status, all[0].target, all[0].prometheus], ['query', 'failed', A, 'http://127.0.0.1:9']);
  assert.equal(fs.statSync(path.join(inc, all[0].outputFile!)).mode & 0o777, 0o600);
});
