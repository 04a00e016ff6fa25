import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { prepareRun, readIncidentView, type Prepared } from '../../../../src/core/run';
import { pinTarget } from '../../../../src/core/incident/lifecycle';
import { ScriptedDriver } from '../../../support/scriptedDriver';
import { A, B, blocksOf, fence, incident, request, tmpDir } from './helpers';

function ok(p: Prepared) {
  assert.ok(p.ok, `prepared: ${JSON.stringify(p)}`);
  return p.run;
}

test('a shell block needs an incident to be recorded in', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'echo hi'));
  const p = await prepareRun(request(runbookPath, blocks[0]), new ScriptedDriver());
  assert.deepEqual(p.ok ? undefined : 'problem' in p && p.problem, { kind: 'no-incident' });
});

test('lines select part of the block; lines outside it are a problem, not a run', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'echo one\necho two\necho three'));
  const inc = await incident(dir);
  // The fence is line 3: code lines are 4, 5, 6.
  const run = ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, lines: [5, 5] }), new ScriptedDriver()));
  assert.equal(run.code.trim(), 'echo two');
  assert.deepEqual(run.block.selectedLines, [5, 5]);
  const bad = await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, lines: [40, 41] }), new ScriptedDriver());
  assert.ok(!bad.ok && 'problem' in bad && bad.problem.kind === 'bad-lines');
});

test('the incident\'s pinned target wins over the fallback and an equal request', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl get pods'));
  const inc = await incident(dir, A);
  const driver = new ScriptedDriver();
  assert.deepEqual(ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, target: { fallback: B } }), driver)).target, A);
  assert.deepEqual(ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, target: { requested: { ...A } } }), driver)).target, A);
  // The driver asked for placeholders knowing the target (live choices come from it).
  assert.deepEqual(driver.asked.placeholders[0].target, A);
});

test('another target than the pinned one: refused, retargeted, or a one-off', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl get pods'));
  const inc = await incident(dir, A);
  const conflict = await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, target: { requested: B } }), new ScriptedDriver());
  assert.ok(!conflict.ok && 'problem' in conflict);
  assert.deepEqual(conflict.problem, { kind: 'target-conflict', pinned: A, requested: B });
  const retarget = ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, target: { requested: B, policy: 'retarget' } }), new ScriptedDriver()));
  assert.deepEqual([retarget.target, retarget.retarget], [B, { from: A, to: B }]);
  const once = ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, target: { requested: B, policy: 'this-run' } }), new ScriptedDriver()));
  assert.deepEqual([once.target, once.retarget], [B, undefined]);
  // Another namespace of the pinned context is another target too.
  const ns = await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, target: { requested: { ...A, namespace: 'other' } } }), new ScriptedDriver());
  assert.ok(!ns.ok && 'problem' in ns && ns.problem.kind === 'target-conflict');
});

test('with nothing pinned: the request, else the fallback, else no target; the guard protects the ambient context', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl get pods'));
  const inc = await incident(dir);
  assert.deepEqual(ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, target: { requested: B, fallback: A } }), new ScriptedDriver())).target, B);
  assert.deepEqual(ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, target: { fallback: A } }), new ScriptedDriver())).target, A);
  const none = ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, target: { ambient: () => B } }), new ScriptedDriver()));
  assert.deepEqual([none.target, none.guardTarget], [null, B]);
});

test('an incident folder not made yet has no pinned target (the CLI makes it once the run is allowed)', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'echo hi'));
  const run = ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: path.join(dir, 'not-yet'), target: { requested: B } }), new ScriptedDriver()));
  assert.deepEqual(run.target, B);
});

test('placeholders: the driver fills them; cancelling stops the run; one left unfilled is a problem', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl logs <pod> -n <ns>'));
  const inc = await incident(dir);
  const filled = ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, vars: { ns: 'photon' } }), new ScriptedDriver({ values: { pod: 'web-1' } })));
  assert.equal(filled.code.trim(), 'kubectl logs web-1 -n photon');
  assert.deepEqual(filled.values, { ns: 'photon', pod: 'web-1' });
  const cancelled = await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc }), new ScriptedDriver({ cancelPlaceholders: true }));
  assert.ok(!cancelled.ok && 'cancelled' in cancelled);
  const missing = await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, vars: { ns: 'photon' } }), new ScriptedDriver());
  assert.ok(!missing.ok && 'problem' in missing);
  assert.deepEqual(missing.problem, { kind: 'missing-placeholders', names: ['pod'] });
});

test('a secret placeholder runs as typed and is recorded masked', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'curl -u elastic:<es-password> https://es'));
  const inc = await incident(dir);
  const run = ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, vars: { 'es-password': 'Tr0ub4dor-horses' } }), new ScriptedDriver()));
  assert.match(run.code, /elastic:Tr0ub4dor-horses /);
  assert.match(run.recordedCode, /elastic:\[REDACTED:placeholder\] /);
  assert.deepEqual(run.secrets, ['Tr0ub4dor-horses']);
});

test('the block is classified once: the guard decision and the commands that print secrets', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, [fence('bash', 'kubectl delete pod web-1'), fence('bash', 'oc whoami -t'), fence('bash', 'kubectl get pods')].join('\n'));
  const inc = await incident(dir);
  const prep = async (i: number) => ok(await prepareRun(request(runbookPath, blocks[i], { incidentDir: inc, target: { requested: A } }), new ScriptedDriver()));
  const del = await prep(0);
  assert.equal(del.decision.action, 'confirm');
  assert.deepEqual(del.assessment.destructive.map((d) => d.command), ['kubectl delete pod web-1']);
  assert.equal((await prep(1)).secretCommands.length, 1);
  const get = await prep(2);
  assert.deepEqual([get.decision.action, get.secretCommands], ['run', []]);
});

test('timeout: an explicit one wins, then the attribute, then the default; 0 is none', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, [fence('bash timeout=1m30s', 'echo a'), fence('bash', 'echo b'), fence('promql', 'up')].join('\n'));
  const inc = await incident(dir);
  const ms = async (i: number, more = {}) => ok(await prepareRun(request(runbookPath, blocks[i], { incidentDir: inc, ...more }), new ScriptedDriver())).timeoutMs;
  assert.equal(await ms(0), 90_000);
  assert.equal(await ms(0, { timeoutSeconds: 5 }), 5000);
  assert.equal(await ms(0, { timeoutSeconds: 0 }), undefined);
  assert.equal(await ms(1), undefined);
  assert.equal(await ms(1, { defaultTimeoutSeconds: 10 }), 10_000);
  // A query has a default of its own.
  assert.equal(await ms(2), 30_000);
});

test('cwd: the block\'s cwd attribute, relative to the runbook\'s folder; else that folder', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, [fence('bash cwd=logs', 'pwd'), fence('bash', 'pwd'), fence('bash cwd=/tmp', 'pwd')].join('\n'));
  const inc = await incident(dir);
  const cwd = async (i: number) => ok(await prepareRun(request(runbookPath, blocks[i], { incidentDir: inc }), new ScriptedDriver())).cwd;
  assert.equal(await cwd(0), path.join(dir, 'logs'));
  assert.equal(await cwd(1), dir);
  assert.equal(await cwd(2), '/tmp');
});

test('a promql block needs no incident and is not guarded', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('promql', 'up{job="<job>"}'));
  const run = ok(await prepareRun(request(runbookPath, blocks[0], { vars: { job: 'api' } }), new ScriptedDriver()));
  assert.deepEqual([run.kind, run.code.trim(), run.decision.action], ['promql', 'up{job="api"}', 'run']);
});

test('the caller\'s read of the incident folder is what prepare uses; without one it reads the folder itself', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl get pods'));
  const inc = await incident(dir, A);
  const view = await readIncidentView(inc);
  assert.deepEqual([view.exists, view.pinned], [true, A]);
  await pinTarget(inc, B);
  const given = await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc, incident: view }), new ScriptedDriver());
  assert.ok(given.ok);
  assert.deepEqual(given.run.target, A, 'no second read');
  assert.deepEqual(ok(await prepareRun(request(runbookPath, blocks[0], { incidentDir: inc }), new ScriptedDriver())).target, B);
  // The entries the target was folded from come back for the consent question.
  assert.deepEqual(given.timeline?.entries.map((e) => e.kind), view.timeline?.entries.map((e) => e.kind));
  assert.deepEqual(await readIncidentView(path.join(dir, 'not-yet')), { exists: false, pinned: null });
});
