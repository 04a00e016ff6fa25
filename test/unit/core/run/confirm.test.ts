import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { confirmRun, prepareRun, type PreparedRun } from '../../../../src/core/run';
import { ScriptedDriver, type DriverScript } from '../../../support/scriptedDriver';
import { A, PROD, blocksOf, fence, incident, request, tmpDir } from './helpers';
import { appendEntry } from '../../../../src/core/incident/timeline';

const RUNBOOK = [
  fence('bash', 'kubectl get pods'),
  fence('bash', 'kubectl delete pod web-1'),
  fence('bash', 'kubectl get pods\u202e'),
].join('\n');

async function prepared(t: Parameters<typeof tmpDir>[0], index: number, target = A, confirmed?: PreparedRun['request']['confirmed']): Promise<PreparedRun> {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, RUNBOOK);
  const p = await prepareRun(request(runbookPath, blocks[index], { incidentDir: await incident(dir), target: { requested: target }, confirmed }), new ScriptedDriver());
  assert.ok(p.ok);
  return p.run;
}

async function confirm(run: PreparedRun, script: DriverScript) {
  const driver = new ScriptedDriver(script);
  return { consent: await confirmRun(run, driver), driver };
}

test('a block that needs no consent runs without a question; the driver says how that is recorded', async (t) => {
  const run = await prepared(t, 0);
  const editor = await confirm(run, {});
  assert.ok(editor.consent.ok);
  assert.deepEqual([editor.consent.confirmation?.method, editor.consent.confirmation?.destructive], ['none', []]);
  assert.equal(editor.driver.asked.consent.length, 0);
  const cli = await confirm(run, { methods: { confirm: 'cli-yes', typed: 'cli-confirm-context' } });
  assert.deepEqual(cli.consent, { ok: true, confirmation: undefined });
});

test('a denied block (hidden Unicode) is refused without a question', async (t) => {
  const run = await prepared(t, 2);
  const { consent, driver } = await confirm(run, { consent: true });
  assert.deepEqual(consent, { ok: false, reason: 'denied' });
  assert.equal(driver.asked.consent.length, 0);
  assert.deepEqual(driver.refusals, [{ reason: 'denied', typed: undefined }]);
});

test('a destructive block: declined is refused; granted records the method and the destructive commands', async (t) => {
  const run = await prepared(t, 1);
  const no = await confirm(run, { consent: false });
  assert.deepEqual(no.consent, { ok: false, reason: 'declined' });
  assert.deepEqual(no.driver.refusals.map((r) => r.reason), ['declined']);
  const yes = await confirm(run, { consent: true });
  assert.ok(yes.consent.ok);
  assert.equal(yes.consent.confirmation?.method, 'modal');
  assert.deepEqual(yes.consent.confirmation?.destructive, ['kubectl delete pod web-1']);
  assert.equal(yes.driver.asked.consent[0].run, run);
  assert.equal(yes.driver.asked.typed.length, 0, 'no typed name off a protected context');
});

test('on a protected context the name must be typed exactly', async (t) => {
  const run = await prepared(t, 1, PROD);
  assert.equal(run.decision.action, 'type-context');
  const wrong = await confirm(run, { consent: true, typed: 'prod' });
  assert.deepEqual(wrong.consent, { ok: false, reason: 'wrong-context' });
  assert.deepEqual(wrong.driver.asked.typed, ['prod-eu']);
  assert.deepEqual(wrong.driver.refusals, [{ reason: 'wrong-context', typed: 'prod' }]);
  const declined = await confirm(run, { consent: false, typed: 'prod-eu' });
  assert.deepEqual(declined.consent, { ok: false, reason: 'declined' });
  assert.equal(declined.driver.asked.typed.length, 0, 'no name asked after a no');
  const right = await confirm(run, { consent: true, typed: 'prod-eu' });
  assert.ok(right.consent.ok);
  assert.equal(right.consent.confirmation?.method, 'typed-context');
});

test('a consent the caller already has (Run All) is used as it is, without a question', async (t) => {
  const given = { method: 'modal' as const, destructive: ['kubectl delete pod web-1'], at: '2026-01-01T00:00:00.000Z' };
  const run = await prepared(t, 1, PROD, given);
  const { consent, driver } = await confirm(run, { consent: false });
  assert.deepEqual(consent, { ok: true, confirmation: given });
  assert.equal(driver.asked.consent.length + driver.refusals.length, 0);
});

test('the consent question names a teammate\'s recent run of the same block; not mine, not an old one, not another block', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, RUNBOOK);
  const incidentDir = await incident(dir);
  const ask = async (more: Partial<PreparedRun['request']> = {}) => {
    const p = await prepareRun(request(runbookPath, blocks[1], { incidentDir, target: { requested: A }, ...more }), new ScriptedDriver());
    assert.ok(p.ok);
    return (await confirm(p.run, { consent: false })).driver.asked.consent[0].teammateRun;
  };
  const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
  const entry = (id: string, actor: string, min: number, block = blocks[1].index) => ({
    id, time: ago(min), kind: 'command' as const, actor, runbook: 'runbook.md', block, status: 'ok' as const, exitCode: 0, durationMs: 800,
    target: { context: 'prod', cluster: 'c', namespace: 'payments' },
  });
  assert.equal(await ask(), undefined, 'nobody ran it yet');
  await appendEntry(incidentDir, entry('mine', 'tester', 1));
  await appendEntry(incidentDir, entry('old', 'bob', 25));
  await appendEntry(incidentDir, entry('other', 'bob', 1, blocks[0].index));
  assert.equal(await ask(), undefined, 'only my run, an old one and another block');
  assert.equal(await ask({ recentRunMinutes: 30 }), 'bob ran this block 25 min ago on prod/payments: ✓ 0', 'the window is the setting');
  await appendEntry(incidentDir, entry('recent', 'bob', 3));
  assert.equal(await ask(), 'bob ran this block 3 min ago on prod/payments: ✓ 0');
  assert.equal(await ask({ recentRunMinutes: 0 }), undefined, '0: never');
});

test('the teammate question reads prepare\'s timeline while the file is unchanged, and the file again once it grew', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, RUNBOOK);
  const incidentDir = await incident(dir);
  const bob = (id: string) => ({
    id, time: new Date(Date.now() - 3 * 60_000).toISOString(), kind: 'command' as const, actor: 'bob', runbook: 'runbook.md', block: blocks[1].index,
    status: 'ok' as const, exitCode: 0, durationMs: 800, target: { context: 'prod', cluster: 'c', namespace: 'payments' },
  });
  await appendEntry(incidentDir, { id: 'note', time: new Date().toISOString(), kind: 'note', text: 'x' });
  const p = await prepareRun(request(runbookPath, blocks[1], { incidentDir, target: { requested: A } }), new ScriptedDriver());
  assert.ok(p.ok && p.timeline);
  // Only the snapshot holds bob's run: it is used while timeline.jsonl is as it was read.
  p.timeline.entries.push(bob('only-in-snapshot'));
  const driver = new ScriptedDriver({ consent: false });
  await confirmRun(p.run, driver, p.timeline);
  assert.match(driver.asked.consent[0].teammateRun ?? '', /^bob ran this block 3 min ago/);
  // Grown since: read again (the snapshot, emptied, would say nobody ran it).
  await appendEntry(incidentDir, bob('in-file'));
  p.timeline.entries.length = 0;
  const again = new ScriptedDriver({ consent: false });
  await confirmRun(p.run, again, p.timeline);
  assert.match(again.asked.consent[0].teammateRun ?? '', /^bob ran this block 3 min ago/);
});
