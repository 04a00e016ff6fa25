import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { seriesName, resultRows, summarizeResult, formatResultTable, seriesCount } from '../../../../src/core/integrations/queryResult';
import type { PromQueryData } from '../../../../src/core/integrations/prometheusTypes';
import { buildQueryView, MAX_CHART_SERIES } from '../../../../src/core/integrations/queryView';

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

test('the webview model caps rows and charts the top series of a range result', () => {
  const result = Array.from({ length: MAX_CHART_SERIES + 5 }, (_, i) => ({
    metric: { __name__: 'x', i: String(i) },
    values: [[100, String(i)], [101, i === 0 ? 'NaN' : String(i + 1)]] as [number, string][],
  }));
  const view = buildQueryView({
    query: 'x', prometheusUrl: 'http://p', startedAt: new Date(0), durationMs: 5,
    spec: { mode: 'range', rangeMs: 60_000, stepMs: 1000 }, response: { data: { resultType: 'matrix', result }, warnings: [] },
  }, 'Block 1', { id: 'e1', outputFile: 'outputs/e1.log' });
  assert.equal(view.how, 'range 1m step 1s');
  assert.equal(view.rowsTotal, MAX_CHART_SERIES + 5);
  assert.equal(view.chart?.total, MAX_CHART_SERIES + 5);
  assert.equal(view.chart?.series.length, MAX_CHART_SERIES);
  assert.ok(!view.chart?.series.some((s) => s.name === 'x{i="0"}'), 'the lowest series are left out of the chart');
  assert.deepEqual(view.chart?.series.find((s) => s.name === 'x{i="34"}')?.points, [[100_000, 34], [101_000, 35]]);
  assert.equal(view.entryId, 'e1');
  const failed = buildQueryView({ query: 'x', prometheusUrl: 'http://p', startedAt: new Date(0), durationMs: 1, error: 'bad_data: oops' }, 'Block 2');
  assert.equal(failed.summary, 'error: bad_data: oops');
  assert.equal(failed.chart, undefined);
  assert.deepEqual(failed.rows, []);
});
