import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { fakeKubeconfigText, startFakeCluster, writeFakeKubeconfig, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { loadTarget } from '../../src/core/kube/loadTarget';
import { connect } from '../../src/core/kube/connection';
import { listObjectNames } from '../../src/core/kube/lookups';
import { checkCluster, formatClusterCheck } from '../../src/core/kube/checkCluster';
import { KubeError } from '../../src/core/kube/kubeError';

let tmp = '';
let kubeconfig = '';
let staging: FakeCluster;
let prod: FakeCluster;
let notReady: FakeCluster;
let stalled: FakeCluster;
let closedUrl = '';

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-kube-lookups-'));
  staging = await startFakeCluster(photonFixture('staging', { tokens: { 'staging-token': { name: 'sre' } } }));
  prod = await startFakeCluster(photonFixture('prod', {
    tokens: {
      'prod-token': { name: 'sre' },
      'tenant-token': { name: 'tenant', forbiddenNamespaces: ['kube-system'], canListNamespaces: false },
    },
  }));
  notReady = await startFakeCluster({ ...photonFixture('staging'), name: 'sick', ready: false });
  stalled = await startFakeCluster({ name: 'blackhole', objects: [], stall: true });
  const closed = await startFakeCluster({ name: 'gone', objects: [] });
  closedUrl = closed.url;
  await closed.close();
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'hangs.sh'), '#!/bin/sh\nsleep 2\n', { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'expired.sh'), '#!/bin/sh\necho "error: token expired; run: cloud auth login" >&2\nexit 1\n', { mode: 0o755 });
  kubeconfig = writeFakeKubeconfig(path.join(tmp, 'config'), [
    { context: 'staging', server: staging.url, namespace: 'photon-mlir', token: 'staging-token' },
    { context: 'prod', server: prod.url, namespace: 'photon-mlir', token: 'prod-token' },
    { context: 'prod-tenant', cluster: 'prod', user: 'tenant', server: prod.url, namespace: 'photon-mlir', token: 'tenant-token' },
    { context: 'prod-bad-token', cluster: 'prod', user: 'bad', server: prod.url, token: 'wrong' },
    { context: 'prod-expired-plugin', cluster: 'prod', user: 'plugin', server: prod.url, exec: { command: './bin/expired.sh' } },
    { context: 'prod-hanging-plugin', cluster: 'prod', user: 'hanging', server: prod.url, exec: { command: './bin/hangs.sh' } },
    { context: 'prod-missing-plugin', cluster: 'prod', user: 'missing-plugin', server: prod.url, exec: { command: 'no-such-auth-plugin-xyz' } },
    { context: 'sick', server: notReady.url },
    { context: 'blackhole', server: stalled.url },
    { context: 'gone', server: closedUrl },
  ]);
});

after(async () => {
  await Promise.all([staging, prod, notReady, stalled].map((c) => c?.close()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function conn(context: string, namespace?: string) {
  const { merged, target } = loadTarget({ kubeconfig: [kubeconfig], context, namespace });
  return connect(merged, target);
}

async function rejectsWith(p: Promise<unknown>, code: string, pattern: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof KubeError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, pattern);
    assert.ok(!e.message.includes('\n'), `one line: ${e.message}`);
    return true;
  });
}

test('look-ups list live objects of the chosen cluster and namespace only', async () => {
  const s = await conn('staging');
  const p = await conn('prod');
  assert.deepEqual(await listObjectNames(s, 'namespaces'), ['default', 'kube-system', 'photon-mlir', 'sandbox']);
  assert.deepEqual(await listObjectNames(p, 'namespaces'), ['default', 'kube-system', 'payments', 'photon-mlir']);
  assert.deepEqual(await listObjectNames(s, 'nodes'), ['staging-node-1', 'staging-node-2']);
  assert.deepEqual(await listObjectNames(p, 'nodes'), ['prod-eu-node-1', 'prod-eu-node-2', 'prod-eu-node-3']);
  assert.deepEqual(await listObjectNames(p, 'deployments'), ['photon-compiler']);
  assert.deepEqual(await listObjectNames(p, 'services'), ['photon-compiler', 'postgres-service']);
  assert.deepEqual(await listObjectNames(p, 'configmaps'), ['db-config', 'photon-config']);
  const stagingPods = await listObjectNames(s, 'pods');
  const prodPods = await listObjectNames(p, 'pods');
  assert.equal(stagingPods.length, 2);
  assert.equal(prodPods.length, 3);
  assert.deepEqual(prodPods, prod.objects('pods').map((o) => o.metadata.name).sort());
  assert.deepEqual(await listObjectNames(await conn('prod', 'payments'), 'pods'), []);
  const lastPodList = prod.requests.filter((r) => r.path.endsWith('/pods')).at(-1)!;
  assert.equal(lastPodList.path, '/api/v1/namespaces/payments/pods');
  assert.equal(lastPodList.user, 'sre');
});

test('Check Cluster reports version, readiness and round-trip time', async () => {
  const p = await checkCluster(await conn('prod'));
  assert.equal(p.ok, true);
  assert.equal(p.version, 'v1.30.6');
  assert.equal(p.ready, true);
  assert.ok(typeof p.rttMs === 'number' && p.rttMs >= 0 && p.rttMs < 2000);
  assert.match(formatClusterCheck(p), /^Cluster prod\/photon-mlir \(https:\/\/127\.0\.0\.1:\d+\): version v1\.30\.6, ready \(\/readyz\), round trip [\d.]+ ms$/);
  assert.ok(prod.requests.some((r) => r.path === '/readyz'));
  const s = await checkCluster(await conn('staging'));
  assert.equal(s.version, 'v1.31.2');
  const sick = await checkCluster(await conn('sick'));
  assert.equal(sick.ok, false);
  assert.equal(sick.ready, false);
  assert.match(formatClusterCheck(sick), /NOT ready/);
});

test('an unreachable server times out within a few seconds with clear words', async () => {
  const started = Date.now();
  await rejectsWith(listObjectNames(await conn('blackhole'), 'pods', { timeoutMs: 1500 }), 'timeout', /^No answer from https:\/\/127\.0\.0\.1:\d+ within 1\.5 s while listing pods in namespace default \(context blackhole\)/);
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  const check = await checkCluster(await conn('blackhole'), { timeoutMs: 1000 });
  assert.equal(check.ok, false);
  assert.equal(check.errorCode, 'timeout');
  await rejectsWith(listObjectNames(await conn('gone'), 'namespaces'), 'unreachable', /^Cannot reach https:\/\/127\.0\.0\.1:\d+ for context gone: connection refused\.$/);
});

test('a failing credential plugin is named, with what it printed', async () => {
  await rejectsWith(listObjectNames(await conn('prod-expired-plugin'), 'pods'), 'credential-plugin', new RegExp(`^The credential plugin "${path.join(tmp, 'bin', 'expired.sh').replace(/[/.]/g, '\\$&')}" of context prod-expired-plugin failed: error: token expired; run: cloud auth login$`));
  await rejectsWith(listObjectNames(await conn('prod-missing-plugin'), 'pods'), 'credential-plugin', /"no-such-auth-plugin-xyz" of context prod-missing-plugin failed: .*ENOENT/);
  const started = Date.now();
  await rejectsWith(listObjectNames(await conn('prod-hanging-plugin'), 'pods', { timeoutMs: 800 }), 'credential-plugin', /hangs\.sh" of context prod-hanging-plugin did not finish within 0\.8 s/);
  assert.ok(Date.now() - started < 1800);
});

test('401 and 403 (a forbidden namespace, namespaces not listable) get clear messages', async () => {
  await rejectsWith(listObjectNames(await conn('prod-bad-token'), 'pods'), 'unauthorized', /rejected the credentials \(401 Unauthorized\)/);
  const tenant = await conn('prod-tenant', 'kube-system');
  await rejectsWith(listObjectNames(tenant, 'pods'), 'forbidden', /^Forbidden while listing pods in namespace kube-system in context prod-tenant: pods is forbidden: User "tenant" cannot list resource "pods" in API group "" in the namespace "kube-system"$/);
  await rejectsWith(listObjectNames(tenant, 'namespaces'), 'forbidden', /cannot list resource "namespaces" .* at the cluster scope/);
  // The tenant still works in its own namespace.
  assert.equal((await listObjectNames(await conn('prod-tenant'), 'pods')).length, 3);
});

test('nothing listens after the servers close (ports are freed)', async () => {
  const port = Number(new URL(closedUrl).port);
  await new Promise<void>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('connect', () => reject(new Error('still listening')));
    s.on('error', () => resolve());
  });
});

test('a user with a relative tokenFile is authenticated for look-ups too, as kubectl does (client-node alone reads only `token-file`)', async () => {
  const dir = path.join(tmp, 'token-file-user');
  fs.mkdirSync(path.join(dir, 'tokens'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'tokens', 'prod'), 'prod-token\n');
  const config = parse(fakeKubeconfigText([{ context: 'prod-tf', server: prod.url, namespace: 'photon-mlir' }, { context: 'prod-tf-missing', cluster: 'prod-tf', server: prod.url }]));
  config.users[0].user = { tokenFile: 'tokens/prod' };
  config.users[1].user = { tokenFile: 'tokens/none' };
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, stringify(config));
  const { merged, target } = loadTarget({ kubeconfig: [file], context: 'prod-tf' });
  assert.equal((await listObjectNames(await connect(merged, target), 'pods')).length, 3);
  assert.equal(prod.requests.at(-1)?.user, 'sre');
  const missing = loadTarget({ kubeconfig: [file], context: 'prod-tf-missing' });
  await rejectsWith(connect(missing.merged, missing.target), 'api', new RegExp(`^Cannot read the tokenFile ${path.join(dir, 'tokens', 'none').replace(/[/.]/g, '\\$&')} of context prod-tf-missing: no such file$`));
});
