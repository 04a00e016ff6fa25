import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import bcrypt from 'bcryptjs';
import { instantQuery, rangeQuery } from '../../src/core/integrations/prometheusClient';
import { IntegrationError } from '../../src/core/integrations/httpErrors';
import { executePromql, outcomeSummary } from '../../src/core/integrations/promqlRun';
import { formatResultTable, resultRows } from '../../src/core/integrations/queryResult';
import { startPrometheus, type RunningServer } from '../harness/monitoringServers';
import { freePort } from '../harness/freePort';
import { cliFromSource } from '../harness/cliFromSource';
import { readTimeline } from '../../src/core/incident/timeline';

async function rejectsWith(p: Promise<unknown>, check: (e: IntegrationError) => void): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof IntegrationError, `expected an IntegrationError, got ${String(e)}`);
    assert.ok(!e.message.includes('\n'), `one-line message expected: ${e.message}`);
    check(e);
    return true;
  });
}

const password = `pw-${Math.random().toString(36).slice(2)}`;
let prom: RunningServer;
let authProm: RunningServer;
// Prometheus applies scrape targets on a 5 s tick, so each start takes ~5 s: start both at once.
before(async () => {
  const [plain, withAuth] = await Promise.allSettled([
    startPrometheus(),
    startPrometheus({ basicAuth: { username: 'oncall', password, passwordHash: bcrypt.hashSync(password, 4) } }),
  ]);
  if (plain.status === 'fulfilled') prom = plain.value;
  if (withAuth.status === 'fulfilled') authProm = withAuth.value;
  if (plain.status === 'rejected') throw plain.reason;
  if (withAuth.status === 'rejected') throw withAuth.reason;
});
after(async () => {
  await prom?.stop();
  await authProm?.stop();
});

describe('Prometheus client against a real Prometheus', { timeout: 60_000 }, () => {

  test('instant query of up returns the self-scrape target with value 1', async () => {
    const { data } = await instantQuery({ baseUrl: prom.url }, 'up');
    assert.equal(data.resultType, 'vector');
    const rows = resultRows(data);
    const self = rows.find((r) => r.metric.job === 'prometheus');
    assert.ok(self, `no job="prometheus" series in ${JSON.stringify(data)}`);
    assert.equal(self.metric.instance, `127.0.0.1:${prom.port}`);
    assert.equal(self.value, '1');
    assert.ok(Math.abs(self.time - Date.now() / 1000) < 60, 'sample time is now');
  });

  test('prometheus_build_info carries the version of the installed binary', async () => {
    const version = /version (\d+\.\d+\.\d+)/.exec(spawnSync('prometheus', ['--version'], { encoding: 'utf8' }).stderr + spawnSync('prometheus', ['--version'], { encoding: 'utf8' }).stdout)?.[1];
    assert.ok(version, 'prometheus --version prints a version');
    const { data } = await instantQuery({ baseUrl: prom.url }, 'prometheus_build_info');
    const [row] = resultRows(data);
    assert.ok(row.metric.version?.startsWith(version), `build info version ${row.metric.version} vs ${version}`);
    assert.match(formatResultTable(data), new RegExp(`^VALUE +SERIES\\n1 +prometheus_build_info\\{.*version="${version.replace(/\./g, '\\.')}`));
  });

  test('range query of up over the last seconds returns a matrix with one point per step', async () => {
    const end = new Date();
    const start = new Date(end.getTime() - 10_000);
    const { data } = await rangeQuery({ baseUrl: prom.url }, 'up{job="prometheus"}', start, end, 1000);
    assert.equal(data.resultType, 'matrix');
    assert.equal(data.resultType === 'matrix' && data.result.length, 1);
    const values = data.resultType === 'matrix' ? data.result[0].values : [];
    assert.ok(values.length >= 1 && values.length <= 11, `points: ${values.length}`);
    for (let i = 1; i < values.length; i++) assert.equal(values[i][0] - values[i - 1][0], 1, 'one point per 1s step');
    assert.ok(values.every((v) => v[1] === '1'));
  });

  test('a promql block with range=… step=… attributes runs as a range query', async () => {
    const o = await executePromql({ attributes: { range: '20s', step: '2s' } }, 'up', { baseUrl: prom.url });
    assert.equal(o.error, undefined);
    assert.deepEqual(o.spec, { mode: 'range', rangeMs: 20_000, stepMs: 2000 });
    assert.equal(o.response?.data.resultType, 'matrix');
    assert.equal(o.end!.getTime() - o.start!.getTime(), 20_000);
    assert.match(outcomeSummary(o), /^1 series \(range\); top latest values: up\{instance="127\.0\.0\.1:\d+", job="prometheus"\} = 1$/);
    const instant = await executePromql({ attributes: {} }, 'count(up)', { baseUrl: prom.url });
    assert.match(outcomeSummary(instant), /^1 series \(vector\); top values: \{\} = 1$/);
  });

  test('a bad query is reported as Prometheus reports it', async () => {
    await rejectsWith(instantQuery({ baseUrl: prom.url }, 'sum(up'), (e) => {
      assert.equal(e.kind, 'api');
      assert.equal(e.status, 400);
      assert.match(e.message, /^Prometheus at http:\/\/127\.0\.0\.1:\d+: bad_data: .*parse error.*unclosed left parenthesis/);
    });
    const o = await executePromql({ attributes: {} }, 'rate(up)', { baseUrl: prom.url });
    assert.match(o.error ?? '', /bad_data: .*expected type range vector/);
  });

  test('bad range attributes fail before anything is sent', async () => {
    const o = await executePromql({ attributes: { range: 'soon' } }, 'up', { baseUrl: prom.url });
    assert.equal(o.errorKind, 'config');
    assert.match(o.error ?? '', /^range: "soon" is not a Prometheus duration/);
  });
});

describe('Prometheus client error paths', { timeout: 60_000 }, () => {
  test('a server that is down: a clear message with the URL', async () => {
    const port = await freePort();
    await rejectsWith(instantQuery({ baseUrl: `http://127.0.0.1:${port}` }, 'up'), (e) => {
      assert.equal(e.kind, 'unreachable');
      assert.equal(e.message, `cannot reach Prometheus at http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
    });
  });

  test('a server that never answers times out', async () => {
    const hang = http.createServer(() => { /* never answers */ });
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const { port } = hang.address() as import('node:net').AddressInfo;
    try {
      const t0 = Date.now();
      await rejectsWith(instantQuery({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 }, 'up'), (e) => {
        assert.equal(e.kind, 'timeout');
        assert.match(e.message, /^Prometheus at http:\/\/127\.0\.0\.1:\d+ did not answer within 0\.3 s \(timeout\)$/);
      });
      assert.ok(Date.now() - t0 < 5000);
    } finally {
      hang.closeAllConnections();
      await new Promise((r) => hang.close(r));
    }
  });

  test('basic auth: 401 without or with wrong credentials, results with the right ones', async () => {
    await rejectsWith(instantQuery({ baseUrl: authProm.url }, 'up'), (e) => {
      assert.equal(e.kind, 'auth');
      assert.equal(e.status, 401);
      assert.match(e.message, /^Prometheus at http:\/\/127\.0\.0\.1:\d+ needs valid credentials \(HTTP 401 Unauthorized\)/);
    });
    await rejectsWith(instantQuery({ baseUrl: authProm.url, auth: { kind: 'basic', username: 'oncall', password: 'wrong' } }, 'up'), (e) => assert.equal(e.status, 401));
    const { data } = await instantQuery({ baseUrl: authProm.url, auth: { kind: 'basic', username: 'oncall', password } }, 'up');
    assert.equal(resultRows(data)[0]?.value, '1');
  });

  test('a bearer token is sent as Authorization: Bearer (through a checking proxy to a real Prometheus)', async () => {
    const seen: string[] = [];
    const proxy = http.createServer((req, res) => {
      seen.push(req.headers.authorization ?? '');
      if (req.headers.authorization !== 'Bearer tok-123') {
        res.writeHead(403, { 'Content-Type': 'text/plain' }).end('forbidden\n');
        return;
      }
      const upstream = http.request(`${prom.url}${req.url}`, { method: req.method, headers: { ...req.headers, host: `127.0.0.1:${prom.port}` } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(proxy.address() as import('node:net').AddressInfo).port}`;
    try {
      const { data } = await instantQuery({ baseUrl: url, auth: { kind: 'bearer', token: 'tok-123' } }, 'up');
      assert.equal(resultRows(data)[0]?.value, '1');
      await rejectsWith(instantQuery({ baseUrl: url, auth: { kind: 'bearer', token: 'other' } }, 'up'), (e) => {
        assert.equal(e.status, 403);
        assert.match(e.message, /refused access with these credentials \(HTTP 403 Forbidden\)/);
      });
      assert.deepEqual(seen, ['Bearer tok-123', 'Bearer other']);
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });
});

describe('runbook-lens run on promql blocks', { timeout: 60_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-promcli-'));
  const runbook = path.join(tmp, 'runbook.md');
  fs.writeFileSync(runbook, [
    '# Photon', '', '## Check targets', '',
    '```promql', 'up{job="<job>"}', '```', '',
    '```promql range=20s step=2s', 'up', '```', '',
    '```promql', 'sum(up', '```', '',
  ].join('\n'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('prints a plain table and records a query entry with the full result in outputs/', async () => {
    const incident = path.join(tmp, 'inc');
    const r = await cliFromSource(['run', runbook, '--block', '1', '--prometheus', prom.url, '--var', 'job=prometheus', '--incident', incident]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines[0].split(/\s+/), ['VALUE', 'SERIES']);
    assert.equal(lines[1], `1      up{instance="127.0.0.1:${prom.port}", job="prometheus"}`);
    assert.match(r.stderr, /query block 1 \(instant\) ok; recorded as \S+ in /);
    const { entries } = await readTimeline(incident);
    const q = entries.find((e) => e.kind === 'query');
    assert.ok(q, 'a query entry');
    assert.equal(q.command, 'up{job="prometheus"}');
    assert.equal(q.block, 1);
    assert.equal(q.line, 5);
    assert.deepEqual(q.section, ['Photon', 'Check targets']);
    assert.equal(q.status, 'ok');
    assert.equal(q.series, 1);
    assert.match(q.output ?? '', /^1 series \(vector\); top values: up\{.*\} = 1$/);
    const full = JSON.parse(fs.readFileSync(path.join(incident, q.outputFile!), 'utf8'));
    assert.equal(full.status, 'success');
    assert.equal(full.resultType, 'vector');
    assert.equal(full.result[0].metric.job, 'prometheus');
    assert.equal(full.result[0].value[1], '1');
    assert.match(fs.readFileSync(path.join(incident, 'timeline.md'), 'utf8'), /```promql\nup\{job="prometheus"\}\n```/);
  });

  test('a range block prints last/min/max/points; no --incident needed', async () => {
    const r = await cliFromSource(['run', runbook, '--block', '2', '--prometheus', prom.url]);
    assert.equal(r.code, 0, r.stderr);
    const [header, row] = r.stdout.trimEnd().split('\n');
    assert.deepEqual(header.split(/\s+/), ['LAST', 'MIN', 'MAX', 'POINTS', 'SERIES']);
    const [last, min, max, points] = row.split(/\s+/);
    assert.deepEqual([last, min, max], ['1', '1', '1']);
    assert.ok(Number(points) >= 1 && Number(points) <= 11, row);
  });

  test('errors: a bad query exits 1 with Prometheus\' message; missing URL or placeholder exits 2; basic auth from env', async () => {
    const bad = await cliFromSource(['run', runbook, '--block', '3', '--prometheus', prom.url]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^runbook-lens run: Prometheus at http:\/\/127\.0\.0\.1:\d+: bad_data: .*unclosed left parenthesis\n$/);
    const noUrl = await cliFromSource(['run', runbook, '--block', '2'], { env: { RUNBOOK_LENS_PROMETHEUS_URL: '' } });
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /pass --prometheus URL/);
    const noVar = await cliFromSource(['run', runbook, '--block', '1', '--prometheus', prom.url]);
    assert.equal(noVar.code, 2);
    assert.match(noVar.stderr, /unfilled placeholder <job>; pass --var job=VALUE/);
    const denied = await cliFromSource(['run', runbook, '--block', '2', '--prometheus', authProm.url]);
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /needs valid credentials \(HTTP 401 Unauthorized\)/);
    const allowed = await cliFromSource(['run', runbook, '--block', '2'], {
      env: { RUNBOOK_LENS_PROMETHEUS_URL: authProm.url, RUNBOOK_LENS_PROMETHEUS_USER: 'oncall', RUNBOOK_LENS_PROMETHEUS_PASSWORD: password },
    });
    assert.equal(allowed.code, 0, allowed.stderr);
  });
});
