import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeCluster, writeFakeKubeconfig, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { kubectl } from '../support/fakeCluster/kubectl';

/*
 * The kubectl verbs of the reference runbook (examples/incident-response.md) against the
 * simulated demo API, with the real kubectl: exec answers or says plainly it cannot, and a
 * rollout restart replaces the pods that `get pods` lists afterwards.
 */

let tmp = '';
let home = '';
let prod: FakeCluster;
let kubeconfig = '';

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-kube-verbs-'));
  home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  prod = await startFakeCluster(photonFixture('prod', { tokens: { 'demo-prod-token': { name: 'oncall@demo' } } }));
  kubeconfig = writeFakeKubeconfig(path.join(tmp, 'kubeconfig'), [{ context: 'demo-prod', server: prod.url, namespace: 'photon-mlir', token: 'demo-prod-token', simulated: true }]);
});

after(async () => {
  await prod?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const k = (...args: string[]) => kubectl(['-n', 'photon-mlir', ...args], { KUBECONFIG: kubeconfig, home });
const podRows = async () => (await k('get', 'pods', '--no-headers')).stdout.trim().split('\n').map((l) => l.split(/\s+/));

test('kubectl exec deployment/photon-compiler -- nc -zv postgres-service 5432 answers over the WebSocket exec protocol, marked as simulated', async () => {
  const r = await k('exec', 'deployment/photon-compiler', '--', 'nc', '-zv', 'postgres-service', '5432');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^\[simulated exec: the demo cluster \(demo-prod pod photon-compiler-\S+\) has no containers/);
  assert.match(r.stderr, /Connection to postgres-service \(10\.96\.20\.40\) 5432 port \[tcp\/\*\] succeeded!/);
  const upgrade = prod.requests.filter((q) => q.path.endsWith('/exec')).at(-1);
  assert.equal(upgrade?.upgrade?.toLowerCase(), 'websocket');

  // A closed port and an unknown host fail with nc's own words and exit code 1, which kubectl passes on.
  const closed = await k('exec', 'deployment/photon-compiler', '--', 'nc', '-zv', 'postgres-service', '5433');
  assert.equal(closed.code, 1);
  assert.match(closed.stderr, /port 5433 \(tcp\) failed: Connection refused\ncommand terminated with exit code 1/);
  const unknown = await k('exec', 'deployment/photon-compiler', '--', 'nc', '-zv', 'nowhere', '80');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /getaddrinfo for host "nowhere"/);
  // Simple read-only answers come from the pod itself.
  const host = await k('exec', 'deployment/photon-compiler', '--', 'printenv', 'HOSTNAME', 'POSTGRES_SERVICE_SERVICE_HOST');
  assert.equal(host.code, 0, host.stderr);
  assert.match(host.stdout, /^photon-compiler-\S+\n10\.96\.20\.40\n$/);
});

test('an exec the demo cannot simulate says so and exits 126, never MethodNotAllowed', async () => {
  const r = await k('exec', 'deployment/photon-compiler', '--', 'photon-admin', 'reset-db-pool');
  assert.equal(r.code, 126);
  assert.match(r.stderr, /the demo cluster cannot run `photon-admin reset-db-pool` in demo-prod pod photon-compiler-\S+: it is a simulated cluster with no containers\. It simulates only: nc -z HOST PORT, env, printenv, hostname, echo, true\. Nothing ran\./);
  assert.doesNotMatch(r.stderr, /MethodNotAllowed/);
  assert.equal(r.stdout, '');

  // A crash-looping container cannot be entered, as on a real cluster.
  const crashing = (await podRows()).find((row) => row[2] === 'CrashLoopBackOff')![0];
  const c = await k('exec', crashing, '--', 'true');
  assert.notEqual(c.code, 0);
  assert.match(c.stderr, /container not found \("compiler"\)/);

  // kubectl told to use SPDY gets a clear refusal instead of a 405.
  const spdy = await kubectl(['-n', 'photon-mlir', 'exec', 'deployment/photon-compiler', '--', 'true'], { KUBECONFIG: kubeconfig, home, extra: { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false' } });
  assert.notEqual(spdy.code, 0);
  assert.match(spdy.stderr, /answers exec only over WebSocket \(v5\.channel\.k8s\.io\), not SPDY\/3\.1/);
  // port-forward is not simulated either, and says so.
  const pf = await k('port-forward', 'deployment/photon-compiler', '0:8080', '--pod-running-timeout=2s');
  assert.notEqual(pf.code, 0);
  assert.match(pf.stderr, /simulated cluster/);
});

test('rollout restart replaces every pod: new names, fresh ages, rollout status completes; undo and scale change the pods too', async () => {
  const before = await podRows();
  assert.equal(before.length, 3);
  assert.ok(before.some((row) => row[2] === 'CrashLoopBackOff'));
  const restarted = await k('rollout', 'restart', 'deployment/photon-compiler');
  assert.equal(restarted.code, 0, restarted.stderr);
  const after = await podRows();
  assert.equal(after.length, 3);
  for (const row of after) {
    assert.ok(!before.some((b) => b[0] === row[0]), `${row[0]} is new`);
    assert.deepEqual([row[1], row[2], row[3]], ['1/1', 'Running', '0']);
    assert.match(row[4], /^\d+s$/, 'a fresh age');
  }
  const status = await k('rollout', 'status', 'deployment/photon-compiler', '--timeout=10s');
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /deployment "photon-compiler" successfully rolled out/);
  assert.doesNotMatch(status.stderr, /very short watch/);
  const history = (await k('rollout', 'history', 'deployment/photon-compiler')).stdout;
  assert.match(history, /^6 +<none>\n7 +<none>\n8 +<none>$/m);

  // Undo brings back revision 7's replica set (as revision 9), with new pods again.
  const undo = await k('rollout', 'undo', 'deployment/photon-compiler');
  assert.equal(undo.code, 0, undo.stderr);
  const undone = await podRows();
  assert.ok(undone.every((row) => row[0].startsWith(before[0][0].split('-').slice(0, 3).join('-')) && !before.some((b) => b[0] === row[0])));
  assert.match((await k('rollout', 'history', 'deployment/photon-compiler')).stdout, /^6 +<none>\n8 +<none>\n9 +<none>$/m);

  // The runbook's scale-out lists five pods; deleting one gets a replacement.
  assert.equal((await k('scale', 'deployment', 'photon-compiler', '--replicas=5')).code, 0);
  const five = await podRows();
  assert.equal(five.length, 5);
  assert.equal((await k('delete', 'pod', five[0][0])).code, 0);
  const replaced = await podRows();
  assert.equal(replaced.length, 5);
  assert.ok(!replaced.some((row) => row[0] === five[0][0]));
  assert.equal((await k('top', 'pods', '--no-headers')).stdout.trim().split('\n').length, 5, 'metrics follow the pods');
  const ready = await k('get', 'deploy', 'photon-compiler', '-o', 'jsonpath={.status.readyReplicas}/{.status.replicas}');
  assert.equal(ready.stdout, '5/5');
});

test('the other verbs of the reference runbook work against the demo', async () => {
  const cmds: string[][] = [
    ['get', 'pods', '--show-labels'], ['get', 'services'], ['top', 'pods'], ['describe', 'nodes'],
    ['logs', '-l', 'app=photon-compiler', '--tail=50'], ['logs', '-l', 'app=photon-compiler', '--since=2h', '--timestamps'],
    ['get', 'pods', '-o', 'wide'], ['get', 'secret', 'db-credentials', '-o', 'yaml'], ['get', 'all', '-o', 'yaml'],
    ['patch', 'service', 'photon-compiler', '-p', '{"spec":{"selector":{"health":"ready"}}}'],
    ['patch', 'configmap', 'db-config', '-p', '{"data":{"db_host":"photon-db-replica.example.com"}}'],
    ['patch', 'deployment', 'photon-compiler', '-p', '{"spec":{"template":{"spec":{"nodeSelector":{}}}}}'],
    ['get', 'pods', '--field-selector=status.phase!=Running', '-o', 'name'],
  ];
  for (const c of cmds) {
    const r = await k(...c);
    assert.equal(r.code, 0, `kubectl ${c.join(' ')}: ${r.stderr}`);
  }
  assert.equal((await k('get', 'configmap', 'db-config', '-o', 'jsonpath={.data.db_host}')).stdout, 'photon-db-replica.example.com');
});
