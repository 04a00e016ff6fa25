import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatDuration, formatElapsed, formatUtc } from '../../../../src/core/incident/timeFormat';

test('durations, status-bar clocks and UTC times', () => {
  assert.equal(formatDuration(45_400), '45 s');
  assert.equal(formatDuration(46.5 * 60_000), '46 min');
  assert.equal(formatDuration(65 * 60_000), '1 h 05 min');
  assert.equal(formatDuration(26 * 3_600_000), '1 d 2 h');
  assert.equal(formatElapsed(425_000), '7:05');
  assert.equal(formatElapsed(3_725_000), '1:02:05');
  assert.equal(formatElapsed(181.5 * 3_600_000), '7 d 13 h');
  assert.equal(formatUtc('2026-10-03T14:02:09.500Z'), '2026-10-03 14:02:09 UTC');
  assert.equal(formatUtc('2026-10-03T14:02:09.500Z', false), '2026-10-03 14:02 UTC');
});
