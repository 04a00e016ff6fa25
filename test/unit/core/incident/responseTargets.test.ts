import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeTarget, resolveResponseTargets, responseDeadline, responseState } from '../../../../src/core/incident/responseTargets';
import { parseDurationSpec } from '../../../../src/core/incident/durationSpec';
import { resolveUpdateIntervals, nextUpdateDue } from '../../../../src/core/incident/updateCadence';
import type { Incident } from '../../../../src/core/incident/types';

const base: Incident = { id: 'x', title: 'T', severity: 'P0', status: 'investigating', createdAt: '2026-11-27T10:00:00.000Z', milestones: {}, target: null };

test('duration specs: minutes, units and combinations; bad input names the setting', () => {
  assert.equal(parseDurationSpec(15, 's'), 900_000);
  assert.equal(parseDurationSpec('90', 's'), 5_400_000);
  assert.equal(parseDurationSpec('1h30m', 's'), 5_400_000);
  assert.equal(parseDurationSpec('2d', 's'), 172_800_000);
  assert.equal(parseDurationSpec('45 s', 's'), 45_000);
  assert.throws(() => parseDurationSpec('soon', 'runbookLens.x.P0'), /runbookLens\.x\.P0: cannot read "soon"/);
  assert.throws(() => parseDurationSpec(-1, 'y'), /non-negative/);
});

test('default targets follow the runbook table; overrides replace single severities', () => {
  const { targets, problems } = resolveResponseTargets({ P1: '30m', P5: '1h', P2: 'later' });
  assert.deepEqual(targets.P0, { kind: 'duration', ms: 15 * 60_000 });
  assert.deepEqual(targets.P1, { kind: 'duration', ms: 30 * 60_000 });
  assert.deepEqual(targets.P2, { kind: 'duration', ms: 4 * 3_600_000 }, 'a bad value keeps the default');
  assert.deepEqual(targets.P3, { kind: 'next-business-day' });
  assert.equal(problems.length, 2);
  assert.match(problems.join('\n'), /unknown severity "P5"/);
  assert.equal(describeTarget(targets.P2), '4 h');
  assert.equal(describeTarget({ kind: 'duration', ms: 90 * 60_000 }), '1 h 30 min');
});

test('next business day skips the weekend and ends at 24:00 UTC', () => {
  // Friday 2026-11-27 16:00 → end of Monday 2026-11-30
  assert.equal(responseDeadline(new Date('2026-11-27T16:00:00Z'), { kind: 'next-business-day' }).toISOString(), '2026-12-01T00:00:00.000Z');
  // Tuesday → end of Wednesday
  assert.equal(responseDeadline(new Date('2026-11-24T23:30:00Z'), { kind: 'next-business-day' }).toISOString(), '2026-11-26T00:00:00.000Z');
});

test('response state: ok, near at 80 %, missed, and met/late once acknowledged', () => {
  const { targets } = resolveResponseTargets(undefined);
  const at = (min: number): Date => new Date(Date.parse('2026-11-27T10:00:00Z') + min * 60_000);
  assert.equal(responseState(base, targets, at(11)).level, 'ok');
  assert.equal(responseState(base, targets, at(12)).level, 'near');
  assert.equal(responseState(base, targets, at(15)).level, 'missed');
  const detected = { ...base, milestones: { started: '2026-11-27T09:00:00.000Z', detected: '2026-11-27T10:00:00.000Z' } };
  assert.equal(responseState(detected, targets, at(5)).level, 'ok', 'the clock starts at detection');
  const acked = { ...detected, milestones: { ...detected.milestones, acknowledged: '2026-11-27T10:20:00.000Z' } };
  const s = responseState(acked, targets, at(600));
  assert.equal(s.level, 'late');
  assert.equal(s.elapsedMs, 20 * 60_000);
});

test('update cadence: P0 every 15 minutes from the last message; none once resolved', () => {
  const { intervals, problems } = resolveUpdateIntervals({ P2: '2h' });
  assert.deepEqual(problems, []);
  assert.equal(intervals.P2, 7_200_000);
  assert.equal(nextUpdateDue(base, [], intervals)?.toISOString(), '2026-11-27T10:15:00.000Z');
  const sent = [{ id: 'n', time: '2026-11-27T10:40:00.000Z', kind: 'notification' as const }];
  assert.equal(nextUpdateDue(base, sent, intervals)?.toISOString(), '2026-11-27T10:55:00.000Z');
  assert.equal(nextUpdateDue({ ...base, status: 'resolved' }, sent, intervals), undefined);
  assert.equal(nextUpdateDue({ ...base, severity: 'P3' }, sent, intervals), undefined);
});
