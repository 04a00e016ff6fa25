import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startFakeCluster, writeFakeKubeconfig, objects, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { fakeTls } from '../support/fakeCluster/tlsMaterial';
import { startPrometheus, type RunningServer } from '../harness/monitoringServers';
import { loadTarget } from '../../src/core/kube/loadTarget';
import { connect } from '../../src/core/kube/connection';
import { startServiceProxy, type ServiceProxy } from '../../src/core/kube/serviceProxy/startServiceProxy';

const run = promisify(execFile);
let tmp = '';
let prom: RunningServer;
let cluster: FakeCluster;
let kubeconfig = '';
let direct: http.Server;
let directUrl = '';
let directTls: https.Server;
let directTlsPort = 0;
let secureBackend: https.Server;
let caFile = '';

const listen = (s: net.Server) => new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as net.AddressInfo).port)));

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-svc-proxy-'));
  prom = await startPrometheus();
  // Another loopback server, not a Service: must be reached directly, unchanged.
  direct = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`direct ${req.method} ${req.url} host=${req.headers.host} via=${req.headers['proxy-authorization'] ? 'leaked' : 'none'}\n`));
  directUrl = `http://127.0.0.1:${await listen(direct)}`;
  directTls = https.createServer({ key: fakeTls.key, cert: fakeTls.cert }, (req, res) => res.end(`direct-tls ${req.url}\n`));
  directTlsPort = await listen(directTls);
  // An in-cluster HTTPS Service's endpoint (the API server does not verify its certificate).
  secureBackend = https.createServer({ key: fakeTls.key, cert: fakeTls.cert }, (req, res) => res.end(`secure-api ${req.method} ${req.url}\n`));
  const securePort = await listen(secureBackend);
  const svc = (ns: string, name: string, port: number) => objects.service(ns, name, { clusterIP: '10.96.30.9', port, selector: { app: name } });
  cluster = await startFakeCluster(photonFixture('prod', {
    tokens: { 'sre-token': { name: 'sre' }, 'viewer-token': { name: 'viewer', canProxyServices: false }, 'plugin-token': { name: 'sre-plugin' } },
    serviceEndpoints: { 'monitoring/prometheus': prom.url, 'photon-mlir/prometheus': prom.url, 'monitoring/secure-api': `https://127.0.0.1:${securePort}` },
  }));
  // Services are added through the API, as an operator would create them.
  for (const s of [svc('monitoring', 'prometheus', 9090), svc('photon-mlir', 'prometheus', 9090), svc('monitoring', 'grafana', 3000), svc('monitoring', 'secure-api', 8443)]) {
    await fetchApi(`/api/v1/namespaces/${s.metadata.namespace}/services`, 'POST', JSON.stringify(s));
  }
  const plugin = path.join(tmp, 'cred.sh');
  fs.writeFileSync(plugin, '#!/bin/sh\necho \'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"plugin-token"}}\'\n', { mode: 0o755 });
  kubeconfig = writeFakeKubeconfig(path.join(tmp, 'kubeconfig'), [
    { context: 'prod', server: cluster.url, namespace: 'monitoring', token: 'sre-token' },
    { context: 'prod-viewer', cluster: 'prod', server: cluster.url, namespace: 'monitoring', token: 'viewer-token' },
    { context: 'prod-plugin', cluster: 'prod', server: cluster.url, namespace: 'photon-mlir', exec: { command: plugin } },
  ]);
  caFile = path.join(tmp, 'fake-ca.pem');
  fs.writeFileSync(caFile, fakeTls.ca);
});

after(async () => {
  await Promise.all([prom?.stop(), cluster?.close(), new Promise((r) => direct?.close(r)), new Promise((r) => directTls?.close(r)), new Promise((r) => secureBackend?.close(r))]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function fetchApi(p: string, method: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${cluster.url}${p}`, { method, ca: fakeTls.ca, headers: { authorization: 'Bearer sre-token', 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`POST ${p}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function proxyFor(context: string): Promise<ServiceProxy> {
  const { merged, target } = loadTarget({ kubeconfig: [kubeconfig], context });
  return startServiceProxy(await connect(merged, target));
}

/** A real tool with only the block's proxy variables (NO_PROXY unset: loopback goes through the proxy too). */
async function tool(proxy: ServiceProxy | Record<string, string>, cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tmp, ...('env' in proxy ? (proxy as ServiceProxy).env : proxy) };
  try {
    const r = await run(cmd, args, { env, timeout: 20_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const proxyRequests = () => cluster.requests.filter((r) => r.path.includes('/proxy'));

test('curl reaches Prometheus as NAME, NAME.NS and NAME.NS.svc.cluster.local through the API server service proxy', async () => {
  const proxy = await proxyFor('prod');
  try {
    const before = proxyRequests().length;
    const lookups = () => cluster.requests.filter((r) => r.path === '/api/v1/namespaces/monitoring/services/prometheus' && r.method === 'GET').length;
    const lookupsBefore = lookups();
    for (const host of ['prometheus', 'prometheus.monitoring', 'prometheus.monitoring.svc.cluster.local']) {
      const r = await tool(proxy, 'curl', ['-sS', `http://${host}:9090/api/v1/query?query=up`]);
      assert.equal(r.code, 0, r.stderr);
      const body = JSON.parse(r.stdout) as { status: string; data: { result: { metric: { job: string } }[] } };
      assert.equal(body.status, 'success', host);
      assert.equal(body.data.result[0].metric.job, 'prometheus', host);
    }
    const sent = proxyRequests().slice(before);
    assert.deepEqual(sent.map((r) => [r.path, r.user]), Array(3).fill(['/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/query', 'sre']));
    assert.deepEqual(proxy.serviceCalls(), [{ service: 'monitoring/prometheus:9090', requests: 3, status: [200], paths: ['/api/v1/query?query=up'] }]);
    // One look-up for the Service, however often it is called.
    assert.equal(lookups() - lookupsBefore, 1);
  } finally {
    await proxy.close();
  }
});

test('wget reaches NAME, NAME.NS and NAME.NS.svc.cluster.local, with exec-plugin credentials, NAME resolved in the target namespace', async () => {
  const proxy = await proxyFor('prod-plugin');
  try {
    const lookupsBefore = cluster.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/') && /\/services\/[^/]+$/.test(r.path)).length;
    for (const host of ['prometheus', 'prometheus.monitoring', 'prometheus.monitoring.svc.cluster.local', 'prometheus']) {
      const r = await tool(proxy, 'wget', ['-qO-', `http://${host}:9090/api/v1/query?query=up`]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { status: string }).status, 'success', host);
    }
    const calls = proxy.serviceCalls();
    // NAME alone is the target namespace's Service (photon-mlir), as a pod there would resolve it.
    assert.deepEqual(calls.map((c) => [c.service, c.requests, c.status]), [['photon-mlir/prometheus:9090', 2, [200]], ['monitoring/prometheus:9090', 2, [200]]]);
    assert.ok(proxyRequests().slice(-4).every((r) => r.user === 'sre-plugin'));
    const lookups = cluster.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/') && /\/services\/[^/]+$/.test(r.path)).length - lookupsBefore;
    assert.equal(lookups, 2, 'one Service look-up per name and namespace, cached for the run');
  } finally {
    await proxy.close();
  }
});

test('another host passes through unchanged, plain HTTP and CONNECT, and no token reaches it', async () => {
  const proxy = await proxyFor('prod');
  try {
    const before = cluster.requests.length;
    const plain = await tool(proxy, 'curl', ['-sS', `${directUrl}/path?q=1`]);
    assert.equal(plain.stdout, `direct GET /path?q=1 host=${new URL(directUrl).host} via=none\n`);
    const viaWget = await tool(proxy, 'wget', ['-qO-', `${directUrl}/w`]);
    assert.equal(viaWget.stdout, `direct GET /w host=${new URL(directUrl).host} via=none\n`);
    // TLS end to end: curl verifies the server's own certificate, not one of ours.
    const tunnel = await tool(proxy, 'curl', ['-sS', '--cacert', caFile, `https://127.0.0.1:${directTlsPort}/t`]);
    assert.equal(tunnel.code, 0, tunnel.stderr);
    assert.equal(tunnel.stdout, 'direct-tls /t\n');
    assert.equal(cluster.requests.length, before, 'IP addresses are never looked up');
    assert.deepEqual(proxy.serviceCalls(), []);
  } finally {
    await proxy.close();
  }
});

test('a name that is not a Service is looked up, not guessed, and then sent on directly', async () => {
  const proxy = await proxyFor('prod');
  try {
    const r = await tool(proxy, 'curl', ['-sS', '-w', '%{http_code}', 'http://nosuch.monitoring:9090/x']);
    // As without the proxy, the name does not resolve on this machine.
    assert.match(r.stdout, /^runbook-lens proxy: nosuch\.monitoring:9090: (ENOTFOUND|EAI_AGAIN)\n502$/);
    assert.ok(cluster.requests.some((q) => q.path === '/api/v1/namespaces/monitoring/services/nosuch'));
    assert.ok(!cluster.requests.some((q) => q.path.includes('nosuch:')), 'no service-proxy request for a name that is not a Service');
  } finally {
    await proxy.close();
  }
});

test('https:// to an in-cluster Service: CONNECT ends at the proxy and the request goes on with the https: prefix', async () => {
  const proxy = await proxyFor('prod');
  try {
    const refused = await tool(proxy, 'curl', ['-sS', 'https://secure-api.monitoring:8443/hello']);
    assert.notEqual(refused.code, 0, 'a client that verifies certificates does not trust the run CA unless told');
    const r = await tool(proxy, 'curl', ['-sS', '--cacert', proxy.env.RUNBOOK_LENS_PROXY_CA, 'https://secure-api.monitoring:8443/hello?x=1']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'secure-api GET /hello?x=1\n');
    assert.equal(proxyRequests().at(-1)?.path, '/api/v1/namespaces/monitoring/services/https:secure-api:8443/proxy/hello');
    assert.deepEqual(proxy.serviceCalls().map((c) => [c.service, c.status]), [['monitoring/https:secure-api:8443', [200]]]);
  } finally {
    await proxy.close();
  }
  assert.ok(!fs.existsSync(path.dirname(proxy.env.RUNBOOK_LENS_PROXY_CA)), 'the run CA is removed with the proxy');
});

test('403 and 503 from the service proxy: the tool prints the API answer; the proxy words it', async () => {
  const viewer = await proxyFor('prod-viewer');
  try {
    const r = await tool(viewer, 'curl', ['-sS', 'http://prometheus:9090/api/v1/query?query=up']);
    assert.match(r.stdout, /"reason":"Forbidden"/);
    assert.deepEqual(viewer.notes(), [`prometheus:9090: your credentials may not proxy to services in monitoring (RBAC: services/proxy) (services "prometheus:9090" is forbidden: User "viewer" cannot get resource "services/proxy" in API group "" in the namespace "monitoring")`]);
    assert.deepEqual(viewer.serviceCalls()[0].status, [403]);
  } finally {
    await viewer.close();
  }
  const sre = await proxyFor('prod');
  try {
    const r = await tool(sre, 'wget', ['-qO-', '--content-on-error', 'http://grafana:3000/api/health']);
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, /no endpoints available for service/);
    assert.match(sre.notes()[0], /^grafana:3000: the Service monitoring\/grafana has no ready endpoints/);
    assert.deepEqual(sre.serviceCalls()[0], { service: 'monitoring/grafana:3000', requests: 1, status: [503], paths: ['/api/health'], problem: sre.notes()[0].replace('grafana:3000: ', '') });
  } finally {
    await sre.close();
  }
});

test('a path that would leave the Service once decoded is refused before it reaches the API server', async () => {
  const proxy = await proxyFor('prod');
  try {
    const before = cluster.requests.length;
    const r = await tool(proxy, 'curl', ['-sS', '--path-as-is', 'http://prometheus:9090/..%2f..%2f..%2f..%2fsecrets']);
    assert.match(r.stdout, /^runbook-lens proxy: refusing prometheus:9090\/\.\.%2f/);
    assert.deepEqual(cluster.requests.slice(before).map((q) => q.path), ['/api/v1/namespaces/monitoring/services/prometheus']);
  } finally {
    await proxy.close();
  }
});

test('the recorded paths are redacted', async () => {
  const proxy = await proxyFor('prod');
  try {
    await tool(proxy, 'curl', ['-sS', 'http://prometheus:9090/api/v1/query?query=up&access_token=ghp_abcdefghijklmnopqrstuvwxyz0123456789']);
    assert.deepEqual(proxy.serviceCalls()[0].paths, ['/api/v1/query?query=up&access_token=[REDACTED:github-token]']);
  } finally {
    await proxy.close();
  }
});

test('the proxy refuses requests without its per-run token, listens on loopback only, and is gone after close', async () => {
  const proxy = await proxyFor('prod');
  const bare = `http://127.0.0.1:${proxy.port}`;
  const wrong = `http://runbook-lens:not-the-token@127.0.0.1:${proxy.port}`;
  try {
    for (const url of [bare, wrong]) {
      const r = await tool({ http_proxy: url, https_proxy: url }, 'curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', 'http://prometheus:9090/api/v1/query?query=up']);
      assert.equal(r.stdout, '407');
      const c = await tool({ http_proxy: url, https_proxy: url }, 'curl', ['-sS', '--cacert', caFile, `https://127.0.0.1:${directTlsPort}/t`]);
      assert.notEqual(c.code, 0);
      assert.match(c.stderr, /407/);
    }
    assert.deepEqual(proxy.serviceCalls(), []);
    const others = Object.values(os.networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4').map((a) => a!.address);
    for (const address of others) assert.equal(await canConnect(address, proxy.port), false, `reachable on ${address}`);
  } finally {
    await proxy.close();
  }
  assert.equal(await canConnect('127.0.0.1', proxy.port), false);
});

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, host);
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}
