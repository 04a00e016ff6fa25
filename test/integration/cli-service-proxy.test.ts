import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeCluster, writeFakeKubeconfig, objects, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { runProcess } from '../support/fakeCluster/kubectl';
import { startPrometheus, type RunningServer } from '../harness/monitoringServers';
import { bundleCli } from '../support/bundleCli';
import { parseRunbook } from '../../src/core/runbook/parse';
import type { TimelineEntry } from '../../src/core/incident/types';

const root = path.resolve(__dirname, '../..');
const reference = path.join(root, 'examples/incident-response.md');
let tmp = '';
let cliJs = '';
let prom: RunningServer;
let cluster: FakeCluster;
let kubeconfig = '';
let runbook = '';
let n = 0;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-svc-proxy-'));
  cliJs = await bundleCli(tmp);
  prom = await startPrometheus();
  const svc = (ns: string, name: string, port: number, portName = 'http') => {
    const s = objects.service(ns, name, { clusterIP: '10.96.40.9', port, selector: { app: name } });
    (s.spec as { ports: { name: string }[] }).ports[0].name = portName;
    return s;
  };
  cluster = await startFakeCluster(photonFixture('prod', {
    tokens: { 'sre-token': { name: 'sre' } },
    // photon-mlir's `prometheus` (what the reference runbook calls) and OpenShift's, each a real Prometheus.
    serviceEndpoints: { 'photon-mlir/prometheus': prom.url, 'openshift-monitoring/prometheus-k8s': prom.url },
  }));
  kubeconfig = writeFakeKubeconfig(path.join(tmp, 'kubeconfig'), [
    { context: 'prod', server: cluster.url, namespace: 'photon-mlir', token: 'sre-token' },
    { context: 'prod-payments', cluster: 'prod', server: cluster.url, namespace: 'payments', token: 'sre-token' },
  ]);
  // Services created through the API, as an operator would.
  for (const s of [svc('photon-mlir', 'prometheus', 9090), svc('openshift-monitoring', 'prometheus-k8s', 9090, 'web'), svc('monitoring', 'prometheus', 9090)]) {
    const file = path.join(tmp, `${s.metadata.namespace}-${s.metadata.name}.json`);
    fs.writeFileSync(file, JSON.stringify(s));
    const r = await runProcess('kubectl', ['--kubeconfig', kubeconfig, 'create', '--validate=false', '-f', file], { env: { PATH: process.env.PATH, HOME: tmp } });
    assert.equal(r.code, 0, r.stderr);
  }
  runbook = path.join(tmp, 'runbook.md');
  fs.writeFileSync(runbook, [
    '# Proxy', '',
    '```bash { name=long }', 'echo "PORT=${http_proxy##*:}"', 'echo "BLOCKPID=$$"', 'sleep 30', '```', '',
    '```bash { name=off serviceProxy=false }', 'echo "proxy=${http_proxy:-none}"', '```', '',
    '```promql { name=up }', 'up', '```', '',
    '```bash { name=token }', 'echo "T=${http_proxy#*runbook-lens:}"', '```', '',
    '```bash { name=triage-globoff }', "curl -sg 'http://prometheus:9090/api/v1/query?query=rate(photon_compilation_errors_total[5m])'", '```', '',
  ].join('\n'));
});

after(async () => {
  await Promise.all([prom?.stop(), cluster?.close()]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

const env = () => ({ PATH: process.env.PATH, HOME: tmp, KUBECONFIG: kubeconfig, TMPDIR: tmp });
const incident = () => path.join(tmp, `incident-${++n}`);
function cli(args: string[]) {
  return runProcess(process.execPath, [cliJs, ...args], { cwd: root, timeoutMs: 40_000, env: env() });
}
function results(dir: string): TimelineEntry[] {
  return fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TimelineEntry).filter((e) => e.status !== 'started');
}
function blockIndexOf(file: string, text: string): number {
  const b = parseRunbook(fs.readFileSync(file, 'utf8')).blocks.find((x) => x.code.includes(text));
  assert.ok(b, text);
  return b.index;
}
function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

test('the reference runbook\'s Device Performance block, unchanged, gets a real Prometheus answer through the proxy; the entry records serviceCalls', async () => {
  const dir = incident();
  const r = await cli(['run', reference, '--block', String(blockIndexOf(reference, 'photon_device_temperature_celsius')), '--var', 'id=3', '--incident', dir, '--context', 'prod']);
  // jq pretty-prints Prometheus' own answer (an empty vector: the metric is not scraped here).
  assert.match(r.stdout, /"status": "success",\n {2}"data": \{\n {4}"resultType": "vector"/, r.stdout + r.stderr);
  const [entry] = results(dir);
  assert.deepEqual(entry.serviceCalls, [{ service: 'photon-mlir/prometheus:9090', requests: 1, status: [200], paths: ['/api/v1/query?query=photon_device_temperature_celsius'] }]);
});

test('P1 Quick Triage, unchanged, gets a real Prometheus answer through the proxy (curl runs with globoff, so [5m] is sent, not globbed); without the proxy curl stops at its own globbing as before', async () => {
  const index = String(blockIndexOf(reference, 'photon-health-check --verbose'));
  const curlLine = String(fs.readFileSync(reference, 'utf8').split('\n').findIndex((l) => l.includes('rate(photon_compilation_errors_total[5m])\'')) + 1);
  const dir = incident();
  const whole = await cli(['run', reference, '--block', index, '--incident', dir, '--context', 'prod']);
  assert.match(whole.stdout, /photon-compiler-/, 'kubectl get pods (a loopback API server: kubectl never sends it through a proxy)');
  assert.match(whole.stdout, /"status":"success"/, 'the curl line got Prometheus\' answer');
  assert.equal((results(dir)[0].serviceCalls as { service: string }[])[0].service, 'photon-mlir/prometheus:9090');
  const curlOnly = await cli(['run', reference, '--block', index, '--lines', curlLine, '--incident', incident(), '--context', 'prod']);
  assert.equal(curlOnly.code, 0, curlOnly.stderr);
  assert.deepEqual(JSON.parse(curlOnly.stdout), { status: 'success', data: { resultType: 'vector', result: [] } });
  const off = await cli(['run', reference, '--block', index, '--lines', curlLine, '--incident', incident(), '--context', 'prod', '--no-service-proxy']);
  assert.equal(off.code, 3, 'without the proxy the block behaves as plain curl does: a bad URL glob');
  const fixed = await cli(['run', runbook, '--name', 'triage-globoff', '--incident', incident(), '--context', 'prod']);
  assert.equal(fixed.code, 0, fixed.stderr);
});

test('{ serviceProxy=false } and --no-service-proxy leave the environment as it was; without a target there is no proxy', async () => {
  const off = await cli(['run', runbook, '--name', 'off', '--incident', incident(), '--context', 'prod']);
  assert.equal(off.stdout, 'proxy=none\n');
  const flag = await cli(['run', runbook, '--name', 'long', '--incident', incident(), '--context', 'prod', '--no-service-proxy', '--timeout', '1']);
  assert.match(flag.stdout, /^PORT=\n/);
  const noTarget = await cli(['run', runbook, '--name', 'long', '--incident', incident(), '--timeout', '1']);
  assert.match(noTarget.stdout, /^PORT=\n/);
  // The workspace setting, read from .vscode/settings.json above the runbook as the editor reads it.
  const ws = path.join(tmp, 'ws');
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), '{ "runbookLens.cluster.serviceProxy": false }\n');
  fs.copyFileSync(runbook, path.join(ws, 'runbook.md'));
  const setting = await cli(['run', path.join(ws, 'runbook.md'), '--name', 'long', '--incident', incident(), '--context', 'prod', '--timeout', '1']);
  assert.match(setting.stdout, /^PORT=\n/);
});

test('a promql block with no URL finds the cluster\'s Prometheus through the proxy, says which Service answered, and a URL still wins', async () => {
  const dir = incident();
  const r = await cli(['run', runbook, '--name', 'up', '--incident', dir, '--context', 'prod-payments']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /prometheus/);
  // payments has none; monitoring/prometheus has no endpoints (503), so openshift-monitoring/prometheus-k8s answers.
  assert.match(r.stderr, /Prometheus: Service openshift-monitoring\/prometheus-k8s:9090, through the API server/);
  const [entry] = results(dir);
  assert.equal(entry.prometheusService, 'openshift-monitoring/prometheus-k8s:9090');
  assert.deepEqual((entry.serviceCalls as { service: string; status: number[] }[]).map((c) => [c.service, c.status]), [['monitoring/prometheus:9090', [503]], ['openshift-monitoring/prometheus-k8s:9090', [200]]]);
  assert.match(r.stderr, /the Service monitoring\/prometheus has no ready endpoints/);
  const direct = await cli(['run', runbook, '--name', 'up', '--context', 'prod-payments', '--prometheus', prom.url]);
  assert.equal(direct.code, 0, direct.stderr);
  assert.doesNotMatch(direct.stderr, /through the API server/);
});

test('the proxy token is masked wherever the block prints it, on screen and in the record', async () => {
  const dir = incident();
  const r = await cli(['run', runbook, '--name', 'token', '--incident', dir, '--context', 'prod']);
  assert.match(r.stdout, /^T=\[REDACTED:[a-z-]+\]@127\.0\.0\.1:\d+\n$/);
  assert.match(results(dir)[0].output ?? '', /^T=\[REDACTED:[a-z-]+\]@127\.0\.0\.1:\d+\n$/);
});

/** Starts the long block and resolves with the proxy's port once the block printed it. */
function startLong(): Promise<{ child: ReturnType<typeof spawn>; port: number; blockPid: number }> {
  const child = spawn(process.execPath, [cliJs, 'run', runbook, '--name', 'long', '--incident', incident(), '--context', 'prod'], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGTERM'); reject(new Error(`the block did not start: ${out}`)); }, 40_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const port = /PORT=(\d+)/.exec(out)?.[1];
      const pid = /BLOCKPID=(\d+)/.exec(out)?.[1];
      if (port && pid) {
        clearTimeout(timer);
        resolve({ child, port: Number(port), blockPid: Number(pid) });
      }
    });
  });
}
const exited = (child: ReturnType<typeof spawn>) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

test('the proxy dies with the run: Stop (SIGINT), timeout and SIGKILL of the CLI leave nothing listening on its port', async () => {
  for (const how of ['SIGINT', 'SIGKILL'] as const) {
    const { child, port, blockPid } = await startLong();
    assert.equal(await canConnect(port), true, 'listening during the run');
    child.kill(how);
    await exited(child);
    if (how === 'SIGKILL') {
      try { process.kill(-blockPid, 'SIGKILL'); } catch { /* already gone */ }
    }
    assert.equal(await canConnect(port), false, `nothing listens after ${how}`);
  }
  const timedOut = await cli(['run', runbook, '--name', 'long', '--incident', incident(), '--context', 'prod', '--timeout', '1']);
  assert.equal(timedOut.code, 124);
  const port = Number(/PORT=(\d+)/.exec(timedOut.stdout)?.[1]);
  assert.ok(port > 0);
  assert.equal(await canConnect(port), false, 'nothing listens after a timeout');
});
