// The incident's state folded from its entries: the later change wins per field (time, then id),
// whatever order the entries arrived in, and a folder without incident.json folds from its entries.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { foldIncident } from '../../../../src/core/incident/incidentState';
import type { Incident, TimelineEntry } from '../../../../src/core/incident/types';
import { readIncident } from '../../../../src/core/incident/incidentStore';
import { markMilestone, pinTarget, setDetails, setSeverity, setStatus, startIncident } from '../../../../src/core/incident/lifecycle';
import { readTimeline } from '../../../../src/core/incident/timeline';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-state-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const base: Incident = { id: 'i', title: 'API errors', severity: 'P2', status: 'investigating', createdAt: '2026-12-01T10:00:00.000Z', milestones: { started: '2026-12-01T10:00:00.000Z' }, target: null };
const at = (min: number) => new Date(Date.UTC(2026, 11, 1, 10, min)).toISOString();

test('the later change of a field wins, with the id as tie-break; other fields are untouched', () => {
  const entries: TimelineEntry[] = [
    { id: 'b', time: at(5), kind: 'status', incidentStatus: 'monitoring' },
    { id: 'a', time: at(5), kind: 'status', incidentStatus: 'identified' },
    { id: 'c', time: at(3), kind: 'severity', severity: 'P0' },
    { id: 'd', time: at(1), kind: 'severity', severity: 'P1' },
    { id: 'e', time: at(2), kind: 'note', text: 'Impact: x', details: ['impact'], values: { impact: 'checkout down' } },
  ];
  const s = foldIncident(base, entries, 'i')!;
  assert.equal(s.status, 'monitoring', 'same time: the larger id wins');
  assert.equal(s.severity, 'P0', 'the later one wins, not the last in the file');
  assert.equal(s.impact, 'checkout down');
  assert.equal(s.title, 'API errors');
});

test('a milestone corrected by a later backdated entry takes the correction (recordedAt orders milestones)', () => {
  const entries: TimelineEntry[] = [
    { id: '1', time: at(20), kind: 'milestone', milestone: 'detected', recordedAt: at(20) },
    { id: '2', time: at(8), kind: 'milestone', milestone: 'detected', recordedAt: at(30) },
  ];
  assert.equal(foldIncident(base, entries, 'i')!.milestones.detected, at(8));
});

test('reopening clears the resolution time; resolving again sets it', () => {
  const entries: TimelineEntry[] = [
    { id: '1', time: at(10), kind: 'status', incidentStatus: 'resolved', previousStatus: 'investigating' },
    { id: '2', time: at(10), kind: 'milestone', milestone: 'resolved', recordedAt: at(10) },
    { id: '3', time: at(20), kind: 'status', incidentStatus: 'investigating', previousStatus: 'resolved' },
  ];
  const s = foldIncident(base, entries, 'i')!;
  assert.equal(s.status, 'investigating');
  assert.equal(s.milestones.resolved, undefined);
});

test('property: any order of the same state entries folds to the same state', () => {
  const kinds = fc.oneof(
    fc.record({ kind: fc.constant('status' as const), incidentStatus: fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved' as const) }),
    fc.record({ kind: fc.constant('severity' as const), severity: fc.constantFrom('P0', 'P1', 'P2', 'P3' as const) }),
    fc.record({ kind: fc.constant('milestone' as const), milestone: fc.constantFrom('detected', 'mitigated' as const) }),
    fc.record({ kind: fc.constant('note' as const), values: fc.record({ commander: fc.option(fc.constantFrom('ann', 'bob'), { nil: null }) }) }),
  );
  const entry = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.stringMatching(/^[0-9a-f]{1,3}$/), kinds)
    .map(([m, id, k]) => ({ id, time: at(m), ...k }) as TimelineEntry);
  const entriesAndOrder = fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 12 })
    .chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })));
  fc.assert(fc.property(entriesAndOrder, ([entries, shuffled]) => {
    assert.deepEqual(foldIncident(base, shuffled, 'i'), foldIncident(base, entries, 'i'));
  }), { numRuns: 300 });
});

test('a folder with no incident.json (a joined one) folds its state from the entries alone', async () => {
  const { dir } = await startIncident(tmp, { title: 'Cache latency', severity: 'P2', commander: 'ann' }, { actor: 'ann' });
  await setStatus(dir, 'identified', { actor: 'bob' });
  await setSeverity(dir, 'P1', { actor: 'bob' });
  await markMilestone(dir, 'detected', new Date(Date.now() - 5 * 60_000), { actor: 'ann' });
  await setDetails(dir, { rootCause: 'a bad deploy', commander: 'bob' }, { actor: 'ann' });
  await pinTarget(dir, { context: 'prod-eu', cluster: 'prod-eu', namespace: 'api' }, { actor: 'ann' });
  const full = await readIncident(dir);
  const cached = JSON.parse(fs.readFileSync(path.join(dir, 'incident.json'), 'utf8'));
  assert.deepEqual(cached, full, 'incident.json is the cache of the fold');
  fs.rmSync(path.join(dir, 'incident.json'));
  assert.deepEqual(await readIncident(dir), full);
  assert.equal(full.severity, 'P1');
  assert.equal(full.status, 'identified');
  assert.equal(full.commander, 'bob');
  assert.equal(full.rootCause, 'a bad deploy');
  assert.equal(full.target?.namespace, 'api');
});

test('two changes of different fields made at once are both kept (entries, not a rewritten file)', async () => {
  const { dir } = await startIncident(tmp, { title: 'At once', severity: 'P3' });
  await Promise.all([setStatus(dir, 'monitoring', { actor: 'ann' }), setSeverity(dir, 'P0', { actor: 'bob' }), setDetails(dir, { impact: 'all users' }, { actor: 'cy' })]);
  const s = await readIncident(dir);
  assert.equal(s.status, 'monitoring');
  assert.equal(s.severity, 'P0');
  assert.equal(s.impact, 'all users');
  assert.ok(s.milestones.mitigated, 'monitoring implies mitigated');
  const kinds = (await readTimeline(dir)).entries.map((e) => e.kind);
  assert.ok(kinds.includes('severity') && kinds.includes('status'));
});

test('a severity or a status that is already set is refused with a clear message', async () => {
  const { dir } = await startIncident(tmp, { title: 'Same', severity: 'P2' });
  await assert.rejects(setSeverity(dir, 'P2'), /already P2/);
  await assert.rejects(setStatus(dir, 'investigating'), /already investigating/);
  await assert.rejects(setSeverity(dir, 'P9' as never), /severity must be one of/);
});
