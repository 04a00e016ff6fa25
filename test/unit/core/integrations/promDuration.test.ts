import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePromDuration, formatPromDuration } from '../../../../src/core/integrations/promDuration';
import { querySpecFrom, defaultStepMs, describeSpec } from '../../../../src/core/integrations/promqlSpec';

test('reads durations the way Prometheus does', () => {
  assert.equal(parsePromDuration('30s'), 30_000);
  assert.equal(parsePromDuration('5m'), 300_000);
  assert.equal(parsePromDuration('1h30m'), 5_400_000);
  assert.equal(parsePromDuration('2d'), 172_800_000);
  assert.equal(parsePromDuration('1w'), 604_800_000);
  assert.equal(parsePromDuration('1y'), 365 * 86_400_000);
  assert.equal(parsePromDuration('1m500ms'), 60_500);
  assert.equal(parsePromDuration('0'), 0);
  // The API also takes float seconds for step.
  assert.equal(parsePromDuration('15'), 15_000);
  assert.equal(parsePromDuration('0.5'), 500);
});

test('rejects what Prometheus rejects, with a one-line message', () => {
  for (const bad of ['', '5', 'abc', '1.5h', '30m1h', '5mm', '1h 30m', '-5m', '5M']) {
    if (bad === '5') continue; // plain seconds are valid
    assert.throws(() => parsePromDuration(bad, 'range'), (e: Error) => e.message.startsWith('range: ') && !e.message.includes('\n'), bad);
  }
});

test('formats durations back in the shortest Prometheus spelling', () => {
  assert.equal(formatPromDuration(5_400_000), '1h30m');
  assert.equal(formatPromDuration(30_000), '30s');
  assert.equal(formatPromDuration(1500), '1s500ms');
  assert.equal(formatPromDuration(0), '0s');
  for (const ms of [1, 999, 61_000, 86_400_000 + 1000, 8 * 86_400_000]) assert.equal(parsePromDuration(formatPromDuration(ms)), ms);
});

test('block attributes choose instant or range queries', () => {
  assert.deepEqual(querySpecFrom({}), { mode: 'instant' });
  assert.deepEqual(querySpecFrom({ range: '30m', step: '30s' }), { mode: 'range', rangeMs: 1_800_000, stepMs: 30_000 });
  const dflt = querySpecFrom({ range: '1h' });
  assert.equal(dflt.mode, 'range');
  assert.equal(dflt.mode === 'range' && dflt.stepMs, defaultStepMs(3_600_000));
  assert.equal(defaultStepMs(3_600_000), 15_000);
  assert.equal(defaultStepMs(60_000), 1000);
  assert.equal(describeSpec({ mode: 'range', rangeMs: 1_800_000, stepMs: 30_000 }), 'range 30m step 30s');
});

test('bad range attributes give clear errors', () => {
  assert.throws(() => querySpecFrom({ step: '30s' }), /step=30s needs a range/);
  assert.throws(() => querySpecFrom({ range: 'half an hour' }), /^Error: range: "half an hour" is not a Prometheus duration/);
  assert.throws(() => querySpecFrom({ range: '30d', step: '1s' }), /more than 11000 points/);
  assert.throws(() => querySpecFrom({ range: '0s' }), /longer than 0s/);
});
