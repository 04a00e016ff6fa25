import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { computeMetrics, stat } from '../../../../src/core/incident/metrics';
import { readIncidentRecords } from '../../../../src/core/incident/incidentRecords';
import { FIXTURE_ROOT } from '../../../support/incidentFixtures';

const MIN = 60_000;

test('stat: mean and median (even and odd counts, empty)', () => {
  assert.deepEqual(stat([]), { n: 0, meanMs: null, medianMs: null });
  assert.deepEqual(stat([3, 1, 2]), { n: 3, meanMs: 2, medianMs: 2 });
  assert.deepEqual(stat([10, 1, 4, 1]), { n: 4, meanMs: 4, medianMs: 2.5 });
});

test('six recorded incidents: numbers computed by hand', async () => {
  const { records, problems } = await readIncidentRecords(FIXTURE_ROOT);
  assert.deepEqual(problems, []);
  const m = computeMetrics(records);
  assert.deepEqual(m.incidents.map((r) => r.dir), [
    '2026-09-10-2200-cluster-down', '2026-10-03-1412-photon-compiler-503', '2026-10-20-0905-compile-errors',
    '2026-10-28-1555-db-failover', '2026-11-02-0830-docs-typo', '2026-11-25-1100-cache-latency',
  ]);
  const photon = m.incidents[1];
  assert.deepEqual(photon.durationsMs, { detect: 7 * MIN, acknowledge: 12 * MIN, mitigate: 46.5 * MIN, resolve: 90 * MIN });
  assert.deepEqual(photon.failingBlocks, ['runbooks/incident-response.md#4', 'runbooks/incident-response.md#7']);

  // Overall: detect 1, 7, 3, 5, 30, 30 min → mean 76/6 = 12.67 min, median (5+7)/2 = 6 min
  assert.deepEqual(m.overall.detect, { n: 6, meanMs: 760_000, medianMs: 6 * MIN });
  // acknowledge 3, 12, 2, 3, 20 min (none for the P3) → mean 8 min, median 3 min
  assert.deepEqual(m.overall.acknowledge, { n: 5, meanMs: 8 * MIN, medianMs: 3 * MIN });
  // mitigate 30, 46.5, 30 min → mean 35.5 min, median 30 min
  assert.deepEqual(m.overall.mitigate, { n: 3, meanMs: 35.5 * MIN, medianMs: 30 * MIN });
  // resolve 70, 90, 60, 75 min and 26 h (the P2 is not resolved) → mean 371 min, median 75 min
  assert.deepEqual(m.overall.resolve, { n: 5, meanMs: 371 * MIN, medianMs: 75 * MIN });

  assert.deepEqual(Object.fromEntries(Object.entries(m.bySeverity).map(([k, v]) => [k, v.count])), { P0: 2, P1: 2, P2: 1, P3: 1 });
  // P0: resolve 70 and 75 min; P1: detect 7 and 3 min
  assert.deepEqual(m.bySeverity.P0.resolve, { n: 2, meanMs: 72.5 * MIN, medianMs: 72.5 * MIN });
  assert.deepEqual(m.bySeverity.P1.detect, { n: 2, meanMs: 5 * MIN, medianMs: 5 * MIN });
  assert.deepEqual(m.bySeverity.P2.resolve, { n: 0, meanMs: null, medianMs: null });

  assert.deepEqual(m.byMonth, {
    '2026-09': { P0: 1, P1: 0, P2: 0, P3: 0, total: 1 },
    '2026-10': { P0: 1, P1: 2, P2: 0, P3: 0, total: 3 },
    '2026-11': { P0: 0, P1: 0, P2: 1, P3: 1, total: 2 },
  });
});

test('repeat rate: same runbook block failing again within 30 days (successes and older failures do not count)', async () => {
  const { records } = await readIncidentRecords(FIXTURE_ROOT);
  const m = computeMetrics(records);
  // compile-errors (Oct 20) fails incident-response.md#4 like photon (Oct 3, 17 days before);
  // docs-typo (Nov 2) fails db-recovery.md#2 like db-failover (Oct 28). db-failover itself is 48 days
  // after cluster-down, cache-latency 53 days after photon, and db-failover's run of #4 succeeded.
  assert.deepEqual(m.incidents.filter((r) => r.repeatOf.length).map((r) => [r.dir, r.repeatOf]), [
    ['2026-10-20-0905-compile-errors', ['2026-10-03-1412-photon-compiler-503']],
    ['2026-11-02-0830-docs-typo', ['2026-10-28-1555-db-failover']],
  ]);
  assert.equal(m.repeat.repeats, 2);
  assert.equal(m.repeat.total, 6);
  assert.equal(m.repeat.rate, 2 / 6);
  assert.deepEqual(m.repeat.blocks, [
    { block: 'runbooks/db-recovery.md#2', incidents: ['2026-10-28-1555-db-failover', '2026-11-02-0830-docs-typo'] },
    { block: 'runbooks/incident-response.md#4', incidents: ['2026-10-03-1412-photon-compiler-503', '2026-10-20-0905-compile-errors'] },
  ]);
});

test('broken folders are reported and left out; the rest still counts', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-metrics-'));
  try {
    fs.cpSync(path.join(FIXTURE_ROOT, '2026-10-20-0905-compile-errors'), path.join(root, 'incidents', 'ok'), { recursive: true });
    fs.mkdirSync(path.join(root, 'incidents', 'bad-json'));
    fs.writeFileSync(path.join(root, 'incidents', 'bad-json', 'incident.json'), '{ "title": ');
    fs.mkdirSync(path.join(root, 'incidents', 'bad-sev'));
    fs.writeFileSync(path.join(root, 'incidents', 'bad-sev', 'incident.json'), JSON.stringify({ title: 'x', severity: 'P9', createdAt: '2026-01-01T00:00:00Z' }));
    fs.appendFileSync(path.join(root, 'incidents', 'ok', 'timeline.jsonl'), '{"id": "half');
    const { records, problems } = await readIncidentRecords(root);
    assert.deepEqual(records.map((r) => r.dir), [path.join('incidents', 'ok')]);
    assert.equal(problems.length, 3);
    assert.match(problems.join('\n'), /bad-json: .*not valid JSON/);
    assert.match(problems.join('\n'), /bad-sev: severity "P9" is not P0–P3/);
    assert.match(problems.join('\n'), /ok: timeline\.jsonl line 4: incomplete last line/);
    assert.equal(computeMetrics(records).overall.count, 1);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
