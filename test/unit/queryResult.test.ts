import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { seriesName, resultRows, summarizeResult, formatResultTable, seriesCount } from '../../src/core/integrations/queryResult';
import type { PromQueryData } from '../../src/core/integrations/prometheusTypes';

const vector: PromQueryData = {
  resultType: 'vector',
  result: [
    { metric: { __name__: 'up', job: 'node', instance: 'a:9100' }, value: [1700000000, '0'] },
    { metric: { __name__: 'up', job: 'prometheus', instance: 'b:9090' }, value: [1700000000, '1'] },
    { metric: {}, value: [1700000000, 'NaN'] },
  ],
};

test('series are named as Prometheus prints them', () => {
  assert.equal(seriesName({ __name__: 'up', job: 'x', instance: 'h:1' }), 'up{instance="h:1", job="x"}');
  assert.equal(seriesName({ __name__: 'up' }), 'up');
  assert.equal(seriesName({ job: 'x' }), '{job="x"}');
  assert.equal(seriesName({}), '{}');
  assert.equal(seriesName({ path: 'a"b' }), '{path="a\\"b"}');
});

test('summaries give the series count and the top values first', () => {
  const s = summarizeResult(vector);
  assert.match(s, /^3 series \(vector\); top values: up\{instance="b:9090", job="prometheus"\} = 1; up\{instance="a:9100", job="node"\} = 0; \{\} = NaN$/);
  assert.match(summarizeResult(vector, 1), /= 1; … 2 more$/);
  assert.equal(summarizeResult({ resultType: 'vector', result: [] }), '0 series (vector): empty result');
  assert.equal(summarizeResult({ resultType: 'scalar', result: [1, '42'] }), '1 series (scalar); top values: (scalar) = 42');
});

test('range results reduce each series to last, min, max and points', () => {
  const matrix: PromQueryData = {
    resultType: 'matrix',
    result: [{ metric: { __name__: 'up', job: 'p' }, values: [[1, '1'], [2, '0'], [3, '1'], [4, '0.5']] }],
  };
  const [row] = resultRows(matrix);
  assert.deepEqual([row.value, row.min, row.max, row.points, row.time], ['0.5', '0', '1', 4, 4]);
  assert.equal(seriesCount(matrix), 1);
  assert.match(summarizeResult(matrix), /^1 series \(range\); top latest values: up\{job="p"\} = 0.5$/);
  const table = formatResultTable(matrix).split('\n');
  assert.deepEqual(table[0].split(/\s+/), ['LAST', 'MIN', 'MAX', 'POINTS', 'SERIES']);
  assert.deepEqual(table[1].split(/\s+/), ['0.5', '0', '1', '4', 'up{job="p"}']);
});

test('plain tables align the value column', () => {
  const lines = formatResultTable(vector).split('\n');
  assert.equal(lines.length, 4);
  const col = lines[0].indexOf('SERIES');
  for (const l of lines.slice(1)) assert.notEqual(l[col], ' ');
  assert.equal(formatResultTable({ resultType: 'vector', result: [] }), '(empty result)');
});
