import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTimeoutSeconds } from '../../../../src/core/exec/timeout';
import { parseDurationSpec } from '../../../../src/core/incident/durationSpec';
import { parseDuration } from '../../../../src/core/time/parseDuration';

test('parseDuration: units, sums, decimals, spaces and case', () => {
  const cases: [string, number][] = [
    ['500ms', 500], ['90s', 90_000], ['15m', 900_000], ['15min', 900_000], ['1h30m', 5_400_000], ['2d', 172_800_000],
    ['1.5h', 5_400_000], ['45 s', 45_000], [' 1H 30M ', 5_400_000], ['1m30s', 90_000], ['0s', 0],
  ];
  for (const [text, ms] of cases) assert.equal(parseDuration(text, 's'), ms, text);
  for (const bad of ['', 'soon', '15 minutes', '1h-30m', '-5m', '5m!', 'm', '1e3s', '0x10s']) assert.equal(parseDuration(bad, 's'), undefined, bad);
});

test('a bare number is in the caller\'s unit: seconds for a block timeout, minutes for a setting', () => {
  assert.equal(parseDuration('30', 's'), 30_000);
  assert.equal(parseDuration('30', 'min'), 1_800_000);
  assert.equal(parseTimeoutSeconds('30'), 30);
  assert.equal(parseDurationSpec('30', 'x'), 1_800_000);
});

test('block timeouts and settings read every duration with units the same way (one parser)', () => {
  const texts = ['500ms', '45s', '45 s', '5m', '5min', '1h', '1h30m', '2d', '1.5h', '1d2h', '90S'];
  for (const text of texts) {
    const seconds = parseTimeoutSeconds(text);
    assert.notEqual(seconds, undefined, `timeout=${text}`);
    assert.equal(Math.round(seconds! * 1000), parseDurationSpec(text, 'x'), text);
  }
});
