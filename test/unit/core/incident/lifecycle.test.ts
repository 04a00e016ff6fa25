import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addNote, markMilestone, pinEntry, recordNotification, setDetails, setStatus, startIncident } from '../../../../src/core/incident/lifecycle';
import { readIncident } from '../../../../src/core/incident/incidentStore';
import { readTimeline } from '../../../../src/core/incident/timeline';
import { pinnedIds } from '../../../../src/core/incident/pins';
import { parseMilestoneTime } from '../../../../src/core/incident/milestoneTime';
import type { TimelineEntry } from '../../../../src/core/incident/types';

function tmpRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rl-life-'));
}

test('start → status → milestones (backdated) → note → pin: incident.json and an append-only timeline', async (t) => {
  const root = tmpRoot();
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const t0 = new Date('2026-11-27T10:00:00Z');
  const later = (min: number): Date => new Date(t0.getTime() + min * 60_000);
  const { dir, incident } = await startIncident(root, { title: 'API 503s', severity: 'P1', commander: 'alice' }, { actor: 'alice', now: t0 });
  assert.equal(path.basename(dir), '2026-11-27-1000-api-503s');
  assert.equal(incident.milestones.started, t0.toISOString());

  const backdated = parseMilestoneTime('09:52', later(1));
  await markMilestone(dir, 'detected', backdated, { actor: 'alice', now: later(1) });
  const acked = await markMilestone(dir, 'acknowledged', undefined, { actor: 'alice', now: later(2) });
  // Detected before the recorded start: the impact began by then at the latest, which is no contradiction.
  assert.deepEqual(acked.warnings, []);
  await markMilestone(dir, 'started', new Date('2026-11-27T09:45:00Z'), { actor: 'alice', now: later(3) });

  await setStatus(dir, 'identified', { actor: 'bob', now: later(10) });
  await assert.rejects(setStatus(dir, 'identified', { now: later(11) }), /already identified/);
  const mon = await setStatus(dir, 'monitoring', { actor: 'bob', now: later(20) });
  assert.deepEqual(mon.implied, ['mitigated']);
  const note = await addNote(dir, 'rolled back to v41\n', { actor: 'bob', now: later(21), runbook: 'runbooks/x.md', line: 12 });
  await pinEntry(dir, note.id, { actor: 'bob', now: later(22) });
  await assert.rejects(pinEntry(dir, 'nope', { now: later(23) }), /no timeline entry with id "nope"/);
  await setDetails(dir, { impact: 'EU users', rootCause: 'bad config' }, { now: later(24) });
  await recordNotification(dir, 'update', 'Status: MONITORING', 'slack', { now: later(25) });
  const res = await setStatus(dir, 'resolved', { actor: 'alice', now: later(30) });
  assert.deepEqual(res.implied, ['resolved']);

  const inc = await readIncident(dir);
  assert.equal(inc.status, 'resolved');
  assert.deepEqual(inc.milestones, {
    started: '2026-11-27T09:45:00.000Z',
    detected: '2026-11-27T09:52:00.000Z',
    acknowledged: later(2).toISOString(),
    mitigated: later(20).toISOString(),
    resolved: later(30).toISOString(),
  });
  assert.equal(inc.impact, 'EU users');
  assert.equal(inc.rootCause, 'bad config');

  const { entries: sorted, problems } = await readTimeline(dir);
  assert.deepEqual(problems, []);
  // readTimeline gives the (time, id) order every replica shows; the file keeps the order written.
  assert.deepEqual(sorted, [...sorted].sort((a, b) => (a.time === b.time ? (a.id < b.id ? -1 : 1) : a.time < b.time ? -1 : 1)));
  const entries = fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry);
  assert.deepEqual(entries.map((e) => `${e.kind}:${e.milestone ?? e.incidentStatus ?? e.template ?? (e.pinOf ? 'pin' : '')}`), [
    'milestone:started', 'status:investigating', 'milestone:detected', 'milestone:acknowledged', 'milestone:started',
    'status:identified', 'status:monitoring', 'milestone:mitigated', 'note:', 'note:pin', 'note:', 'notification:update',
    'status:resolved', 'milestone:resolved',
  ]);
  const detected = entries[2];
  assert.equal(detected.time, '2026-11-27T09:52:00.000Z', 'a backdated milestone sits at its own time');
  assert.equal(detected.recordedAt, later(1).toISOString());
  assert.equal(entries[8].text, 'rolled back to v41');
  assert.equal(entries[8].line, 12);
  assert.deepEqual([...pinnedIds(entries)], [note.id]);
  const md = fs.readFileSync(path.join(dir, 'timeline.md'), 'utf8');
  assert.ok(md.includes('rolled back to v41') && md.includes('Status: monitoring → resolved'));

  await pinEntry(dir, note.id, { unpin: true, now: later(31) });
  assert.equal(pinnedIds((await readTimeline(dir)).entries).size, 0);
  const reopened = await setStatus(dir, 'investigating', { now: later(40) });
  assert.equal(reopened.incident.milestones.resolved, undefined, 'reopening clears the resolution time');
});

test('bad input gives clear errors', async (t) => {
  const root = tmpRoot();
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  await assert.rejects(startIncident(root, { title: ' ', severity: 'P1' }), /needs a title/);
  await assert.rejects(startIncident(root, { title: 'x', severity: 'P7' as never }), /severity must be one of P0, P1, P2, P3/);
  const { dir } = await startIncident(root, { title: 'x', severity: 'P2' });
  await assert.rejects(setStatus(dir, 'done' as never), /status must be one of investigating, identified, monitoring, resolved/);
  await assert.rejects(markMilestone(dir, 'fixed' as never, undefined), /milestone must be one of/);
  await assert.rejects(addNote(dir, '  \n'), /needs some text/);
  await assert.rejects(addNote(path.join(root, 'nope'), 'hi'), /does not exist \(not an incident folder\?\)/);
  await assert.rejects(setDetails(dir, {}), /nothing to set/);
});

test('milestone times: ISO (zone-less is UTC), HH:MM today or yesterday, offsets; never the future', () => {
  const now = new Date('2026-11-27T10:00:00Z');
  assert.equal(parseMilestoneTime('2026-11-27T09:15:00Z', now).toISOString(), '2026-11-27T09:15:00.000Z');
  assert.equal(parseMilestoneTime('2026-11-27T11:15:00+02:00', now).toISOString(), '2026-11-27T09:15:00.000Z');
  assert.equal(parseMilestoneTime('2026-11-27T09:15', now).toISOString(), '2026-11-27T09:15:00.000Z');
  assert.equal(parseMilestoneTime('09:40', now).toISOString(), '2026-11-27T09:40:00.000Z');
  assert.equal(parseMilestoneTime('23:50', now).toISOString(), '2026-11-26T23:50:00.000Z');
  assert.equal(parseMilestoneTime('-15m', now).toISOString(), '2026-11-27T09:45:00.000Z');
  assert.equal(parseMilestoneTime('1h ago', now).toISOString(), '2026-11-27T09:00:00.000Z');
  assert.equal(parseMilestoneTime('', now), now);
  assert.throws(() => parseMilestoneTime('2026-11-28T00:00:00Z', now), /in the future/);
  assert.throws(() => parseMilestoneTime('yesterday-ish', now), /cannot read "yesterday-ish" as a time/);
  assert.throws(() => parseMilestoneTime('25:00', now), /not a time of day/);
});
