import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { composeMessage, actionsTaken } from '../../../../src/core/incident/comms';
import type { TimelineEntry } from '../../../../src/core/incident/types';
import { loadFixture, PHOTON } from '../../../support/incidentFixtures';

const fx = loadFixture(PHOTON);
const at = (iso: string): TimelineEntry[] => fx.entries.filter((e) => Date.parse(e.time) <= Date.parse(iso));

test('initial notification at 14:27: the runbook template filled from incident.json', () => {
  const incident = { ...fx.incident, status: 'identified' as const };
  const text = composeMessage('initial', { incident, entries: at('2026-10-03T14:26:30Z'), now: new Date('2026-10-03T14:27:00Z'), updateIntervalMs: 3_600_000 });
  assert.equal(text, [
    '🚨 INCIDENT: photon-compiler returns 503 - P1',
    '',
    'Status: IDENTIFIED',
    'Started: 2026-10-03 14:02 UTC',
    'Impact: All compilation requests in eu-west failed with HTTP 503.',
    'ETA: TBD',
    '',
    'IC: @alice',
    'Cluster: prod-eu / photon-mlir',
    '',
    'Next Update: 1 h 00 min (15:27 UTC)',
    '',
  ].join('\n'));
});

test('progress update at 15:00: status since the last message, actions since 14:27 only', () => {
  const incident = { ...fx.incident, status: 'monitoring' as const, rootCause: undefined };
  const text = composeMessage('update', { incident, entries: at('2026-10-03T15:00:00Z'), now: new Date('2026-10-03T15:00:00Z'), updateIntervalMs: 15 * 60_000 });
  assert.equal(text, [
    '📊 INCIDENT UPDATE - 2026-10-03 15:00 UTC',
    'photon-compiler returns 503 (P1)',
    '',
    'Status: IDENTIFIED → MONITORING',
    'Root Cause: Under investigation',
    'Actions Taken:',
    '- Ran “Service Recovery” (exit 0)',
    '- Milestone: mitigated',
    '',
    'Current Status: Fix applied, monitoring for stability',
    'Next Update: 15 min (15:15 UTC)',
    '',
  ].join('\n'));
});

test('resolution: duration 1 h 30 min from the milestones, root cause when known', () => {
  const text = composeMessage('resolution', { incident: fx.incident, entries: fx.entries, now: new Date('2026-10-03T15:35:00Z'), updateIntervalMs: 0, postmortemRef: 'incidents/x/post-mortem.md' });
  const lines = text.split('\n');
  assert.equal(lines[0], '✅ INCIDENT RESOLVED - 2026-10-03 15:32 UTC');
  assert.ok(lines.includes('Duration: 1 h 30 min'));
  assert.ok(lines.includes('Root Cause: The 14:00 deploy lowered the memory limit to 512Mi; pods were OOMKilled.'));
  assert.ok(lines.includes('Impact: All compilation requests in eu-west failed with HTTP 503.'));
  assert.ok(lines.includes('Document: incidents/x/post-mortem.md'));
  // No resolution text in incident.json: the key actions stand in, the pinned rollback first among them.
  const i = lines.indexOf('Resolution:');
  assert.ok(i > 0);
  assert.ok(lines.slice(i + 1, i + 7).some((l) => l.includes('Ran “Service Recovery”')));
});

test('actions taken: repeats collapse to the latest run; overflow is counted, pinned and notes kept', () => {
  const many: TimelineEntry[] = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, time: `2026-10-03T16:${String(i).padStart(2, '0')}:00.000Z`, kind: 'command', command: `echo ${i % 12}`, exitCode: 0 }));
  const lines = actionsTaken([...fx.entries, ...many], '2026-10-03T15:40:00Z', 5);
  assert.equal(lines.length, 6);
  assert.equal(lines[5], '- … and 7 more in the incident timeline', '12 distinct commands, 5 shown');
  assert.equal(lines[4], '- Ran `echo 7` (exit 0)', 'the newest runs are kept');
  const withPin = actionsTaken([...fx.entries, ...many, { id: 'p', time: '2026-10-03T17:00:00Z', kind: 'note', pinOf: 'c8' }], '2026-10-03T15:40:00Z', 2);
  assert.deepEqual(withPin, ['- Ran `echo 8` (exit 0)', '- Ran `echo 7` (exit 0)', '- … and 10 more in the incident timeline'], 'the pinned older run beats newer ones');
});

test('a kind that is not one of the three templates is refused, never drafted as the resolution notice', () => {
  const input = { incident: fx.incident, entries: fx.entries, now: new Date('2026-10-03T15:00:00Z'), updateIntervalMs: 0 };
  // What a view's title bar passed before menus were checked: its focused tree node.
  const shapes: unknown[] = [{ $treeViewId: 'runbookLens.incident' }, { kind: 'entry', entry: fx.entries[0], pinned: false }, null, undefined, '', 'Resolution', 'resolved', 'constructor', 'toString', '__proto__'];
  for (const kind of shapes) {
    assert.throws(() => composeMessage(kind as 'initial', input), /must be one of initial, update, resolution/, `kind ${String(kind)}`);
  }
});
