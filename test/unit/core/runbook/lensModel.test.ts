import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from '../../../../src/core/incident/timeFormat';
import { resultLabel } from '../../../../src/core/runbook/lensModel';

test('the lens shows run times with the shared duration format, to a tenth of a second when short', () => {
  assert.equal(resultLabel({ status: 'ok', exitCode: 0, durationMs: 1234 }), '✓ 0 · 1.2 s');
  assert.equal(resultLabel({ status: 'failed', exitCode: 3, durationMs: 400 }), '✗ 3 · 0.4 s');
  assert.equal(resultLabel({ status: 'ok', exitCode: 0, durationMs: 125_000 }), '✓ 0 · 2 min 05 s');
  assert.equal(resultLabel({ status: 'timeout', exitCode: null, durationMs: 600_000 }), '⏱ timed out · 10 min 00 s');
  assert.equal(resultLabel({ status: 'ok', exitCode: 0, durationMs: 59_990 }), '✓ 0 · 1 min 00 s', 'never "60.0 s"');
  assert.equal(formatDuration(3_723_000, { precise: true }), formatDuration(3_723_000), 'past an hour both read "1 h 02 min"');
});
