import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from '../../../../src/core/incident/timeFormat';
import { resultLabel, shellBlockLenses } from '../../../../src/core/runbook/lensModel';
import { parseRunbook } from '../../../../src/core/runbook/parse';

test('the lens shows run times with the shared duration format, to a tenth of a second when short', () => {
  assert.equal(resultLabel({ status: 'ok', exitCode: 0, durationMs: 1234 }), '✓ 0 · 1.2 s');
  assert.equal(resultLabel({ status: 'failed', exitCode: 3, durationMs: 400 }), '✗ 3 · 0.4 s');
  assert.equal(resultLabel({ status: 'ok', exitCode: 0, durationMs: 125_000 }), '✓ 0 · 2 min 05 s');
  assert.equal(resultLabel({ status: 'timeout', exitCode: null, durationMs: 600_000 }), '⏱ timed out · 10 min 00 s');
  assert.equal(resultLabel({ status: 'ok', exitCode: 0, durationMs: 59_990 }), '✓ 0 · 1 min 00 s', 'never "60.0 s"');
  assert.equal(formatDuration(3_723_000, { precise: true }), formatDuration(3_723_000), 'past an hour both read "1 h 02 min"');
});

test('a teammate\'s result names them on the lens; my own result does not', () => {
  const theirs = { status: 'ok' as const, exitCode: 0, durationMs: 1234, actor: 'bob' };
  assert.equal(resultLabel(theirs, 'alice'), '✓ 0 · 1.2 s · bob');
  assert.equal(resultLabel({ ...theirs, actor: 'alice' }, 'alice'), '✓ 0 · 1.2 s');
  assert.equal(resultLabel({ status: 'failed', exitCode: 0, durationMs: 400, failedSteps: 2, actor: 'bob' }, 'alice'), '✗ 0 · 2 commands failed · 0.4 s · bob');
});

test('the lens after a shell block shows the teammate\'s name when the last result is theirs', () => {
  const runbook = parseRunbook('# R\n\n```bash\necho hi\n```\n');
  const last = { status: 'ok' as const, exitCode: 0, durationMs: 1200, actor: 'bob' };
  const titles = (me: string) => shellBlockLenses(runbook, { isRunning: () => false, lastResult: () => last, me }).map((l) => l.title);
  assert.ok(titles('alice').includes('✓ 0 · 1.2 s · bob'), titles('alice').join(' | '));
  assert.ok(titles('bob').includes('✓ 0 · 1.2 s'), titles('bob').join(' | '));
});
