import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { laterRun, lastBlockRun, lensRun, recentTeammateRun, teammateRunLine } from '../../../../src/core/incident/blockRuns';
import type { TimelineEntry } from '../../../../src/core/incident/types';

const prod = { context: 'prod', cluster: 'prod-cluster', namespace: 'payments' };
const now = new Date('2026-12-02T05:40:00Z');
const at = (minAgo: number) => new Date(now.getTime() - minAgo * 60_000).toISOString();
const run = (over: Partial<TimelineEntry>): TimelineEntry => ({
  id: `e${Math.random()}`, time: at(3), kind: 'command', runbook: 'runbooks/r.md', block: 2, actor: 'bob',
  status: 'ok', exitCode: 0, durationMs: 1200, target: prod, ...over,
} as TimelineEntry);
const q = { runbookRel: 'runbooks/r.md', block: 2, me: 'alice', now, withinMs: 10 * 60_000 };

test('the last finished run of a block comes from the timeline, with who ran it', () => {
  const entries = [run({ time: at(9), exitCode: 1, status: 'failed' }), run({ status: 'started', time: at(1) }), run({})];
  const last = lastBlockRun(entries, 'runbooks/r.md', 2);
  assert.equal(last?.actor, 'bob');
  assert.equal(last?.status, 'ok', 'a started record is not a result');
  assert.equal(lastBlockRun(entries, 'runbooks/other.md', 2), undefined, 'another runbook');
  assert.equal(lastBlockRun(entries, 'runbooks/r.md', 3), undefined, 'another block');
  assert.equal(lastBlockRun([run({ selection: true })], 'runbooks/r.md', 2), undefined, 'a selection is not the whole block');
});

test('a teammate\'s recent run is found; mine, old ones, other blocks and notes are not', () => {
  assert.equal(recentTeammateRun([run({})], q)?.actor, 'bob');
  assert.equal(recentTeammateRun([run({ actor: 'alice' })], q), undefined, 'my own run');
  assert.equal(recentTeammateRun([run({ actor: undefined })], q), undefined, 'nobody named');
  assert.equal(recentTeammateRun([run({ time: at(11) })], q), undefined, 'older than the window');
  assert.equal(recentTeammateRun([run({ block: 1 })], q), undefined);
  assert.equal(recentTeammateRun([run({ kind: 'note', text: 'ran it' } as Partial<TimelineEntry>)], q), undefined);
  // My newer run does not hide bob's: the warning is about what a teammate did.
  assert.equal(recentTeammateRun([run({}), run({ actor: 'alice', time: at(1) })], q)?.actor, 'bob');
});

test('the consent line says who ran it, how long ago, where and how it ended', () => {
  assert.equal(teammateRunLine(recentTeammateRun([run({})], q)!, now), 'bob ran this block 3 min ago on prod/payments: ✓ 0');
  assert.equal(teammateRunLine(recentTeammateRun([run({ target: null, status: 'failed', exitCode: 2, time: at(0.5) })], q)!, now), 'bob ran this block 30 s ago locally: ✗ 2');
});

test('the later of the session\'s result and the timeline\'s wins', () => {
  const mine = { status: 'ok' as const, exitCode: 0, durationMs: 1, at: at(5) };
  const theirs = { status: 'failed' as const, exitCode: 1, durationMs: 1, at: at(2), actor: 'bob' };
  assert.equal(laterRun(mine, theirs), theirs);
  assert.equal(laterRun({ ...mine, at: at(1) }, theirs)?.status, 'ok');
  assert.equal(laterRun(undefined, theirs), theirs);
});

test('the lens shows a teammate\'s run only when it is the latest recorded, and never my old recorded runs', () => {
  const session = { status: 'ok' as const, exitCode: 0, durationMs: 1, at: at(5) };
  assert.equal(lensRun(session, [run({})], 'runbooks/r.md', 2, 'alice')?.actor, 'bob', 'bob ran it after me');
  assert.equal(lensRun(undefined, [run({ actor: 'alice' })], 'runbooks/r.md', 2, 'alice'), undefined, 'my run of an earlier session');
  assert.equal(lensRun(session, [run({}), run({ actor: 'alice', time: at(1) })], 'runbooks/r.md', 2, 'alice'), session, 'I ran it after bob');
  assert.equal(lensRun(undefined, [run({})], 'runbooks/r.md', 2, 'alice')?.actor, 'bob');
});
