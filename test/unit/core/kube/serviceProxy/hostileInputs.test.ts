/**
 * Attacker corpora for the run proxy's three gates: the per-run token, which host names may
 * become Service look-ups (and so API paths), and which request paths may go through the
 * service proxy. Each corpus pairs hostile inputs with realistic ones that must still work.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { carriesToken, newProxyToken } from '../../../../../src/core/kube/serviceProxy/proxyToken';
import { serviceRefOf } from '../../../../../src/core/kube/serviceProxy/hostNames';
import { staysInService } from '../../../../../src/core/kube/serviceProxy/servicePath';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const report = (what: string, held: number, tried: number) => console.log(`${what}: held ${held}/${tried}`);

test('the proxy token: every forged or mangled Proxy-Authorization is refused; what curl, wget and axios send is accepted', () => {
  const token = newProxyToken();
  const other = newProxyToken();
  const hostile: (string | undefined)[] = [
    undefined, '', 'Basic', 'Basic ', `Basic ${b64('runbook-lens:')}`, `Basic ${b64(`runbook-lens:${other}`)}`,
    `Basic ${b64(`${token}:`)}`, `Basic ${b64(token)}`, `Bearer ${token}`, `Digest ${b64(`runbook-lens:${token}`)}`,
    `Basic ${b64(`runbook-lens:${token}x`)}`, `Basic ${b64(`runbook-lens:x${token}`)}`, `Basic ${b64(`runbook-lens:${token.slice(0, -1)}`)}`,
    `Basic ${b64(`runbook-lens:${token.toUpperCase()}`)}`, `Basic ${b64(`runbook-lens:${token} `)}`, `Basic ${b64(`runbook-lens: ${token}`)}`,
    `Basic ${b64(`runbook-lens:${token}\n`)}`, `Basic ${b64(`runbook-lens:${token}\u0000`)}`, `Basic ${b64(`runbook-lens:${token.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`)}`,
    `Basic ${b64(`runbook-lens:${token}`)}junk`, `Basic ${b64(`runbook-lens:${token}`).replace(/=+$/, '')}!`, `Basic\t${b64(`runbook-lens:${other}`)}`,
    `${b64(`runbook-lens:${token}`)}`, `Basic ${b64(`runbook-lens:${token}`)} Basic ${b64('x:y')}`, `Basic ${b64(`:${token}:`)}`,
    `Basic ${b64(`runbook-lens:${encodeURIComponent(token)}%00`)}`, `Basic ${Buffer.from(`runbook-lens:${token}`, 'utf16le').toString('base64')}`,
  ];
  let held = 0;
  for (const h of hostile) {
    const ok = carriesToken(h === undefined ? {} : { 'proxy-authorization': h }, token);
    if (!ok) held++;
    else assert.fail(`accepted: ${JSON.stringify(h)}`);
  }
  report('proxy token, hostile headers refused', held, hostile.length);
  const realistic = [`Basic ${b64(`runbook-lens:${token}`)}`, `basic ${b64(`runbook-lens:${token}`)}`, `Basic ${b64(`anyone:${token}`)}`, `Basic  ${b64(`runbook-lens:${token}`)} `];
  for (const h of realistic) assert.equal(carriesToken({ 'proxy-authorization': h }, token), true, h);
});

test('host names: IP forms, look-alikes and other domains never become Service look-ups', () => {
  const hostile = [
    '127.0.0.1', '2130706433', '0x7f.0.0.1', '0177.0.0.1', '127.1', '[::1]', '::ffff:127.0.0.1', '[::ffff:7f00:1]', '169.254.169.254', '10.96.0.1',
    'localhost', 'localhost.', 'LOCALHOST',
    'prometheus.monitoring.svc.cluster.local.evil.example', 'prometheus.monitoring.svc.evil', 'prometheus.monitoring.svc.cluster', 'prometheus.monitoring.notsvc.cluster.local',
    'a.b.c', 'api.github.com', 'metadata.google.internal',
    'prometheus..monitoring', '.prometheus', '-prometheus', 'prometheus-', '9prometheus', 'prom_etheus', 'prom%2fetheus', 'prom/etheus', 'prom@etheus',
    'xn--prmetheus-e3a.x.y', 'prоmetheus' /* Cyrillic o */, 'x'.repeat(64), `prometheus.${'m'.repeat(64)}`, 'prometheus.monitoring/../kube-system', 'prometheus.-bad', 'prometheus.bad-',
  ];
  let held = 0;
  for (const h of hostile) {
    const ref = serviceRefOf(h, 'default');
    if (ref === undefined) held++;
    else assert.fail(`${h} → ${JSON.stringify(ref)}`);
  }
  report('host names, hostile names held', held, hostile.length);
  // What the OpenShift runbooks in the wild write, and Kubernetes' own Service.
  const realistic: [string, string, string][] = [
    ['prometheus-k8s.openshift-monitoring.svc', 'prometheus-k8s', 'openshift-monitoring'],
    ['thanos-querier.openshift-monitoring.svc.cluster.local', 'thanos-querier', 'openshift-monitoring'],
    ['alertmanager-main.openshift-monitoring.svc', 'alertmanager-main', 'openshift-monitoring'],
    ['kubernetes.default.svc.cluster.local.', 'kubernetes', 'default'],
    ['prometheus', 'prometheus', 'default'],
    ['grafana.monitoring', 'grafana', 'monitoring'],
  ];
  for (const [h, name, namespace] of realistic) assert.deepEqual(serviceRefOf(h, 'default'), { name, namespace }, h);
});

test('request paths: nothing that decodes to a way out of the Service reaches the API server; real API paths pass', () => {
  const hostile = [
    '/..%2f..%2f..%2fapi/v1/secrets', '/a/..%2Fsecrets', '/%2e%2e%2fsecrets', '/a%2f..%2f..', '/a/%252e%252e/%252e%252e/secrets', '/a/%25252e%25252e/x',
    '/..%5c..%5csecrets', '/a/%2e%2e%5csecrets', '/a/.%2e', '/a/%2e', '/a%00/..%2fx', '/%E0%A4%A', '/a/..;/b/%2e%2e%2f',
  ];
  let held = 0;
  for (const p of hostile) {
    if (!staysInService(p)) held++;
    else assert.fail(`let through: ${p}`);
  }
  report('request paths, escapes refused', held, hostile.length);
  const realistic = ['/api/v1/query', '/api/v1/query_range', '/api/v1/label/__name__/values', '/api/v1/series', '/-/healthy', '/-/ready', '/federate', '/metrics',
    '/api/v2/alerts', '/api/health', '/d/abc123/photon%20overview', '/api/v1/label/job%3Aname/values', '/', '/a..b/c', '/.well-known/x'];
  for (const p of realistic) assert.equal(staysInService(p), true, p);
});
