import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeCluster, writeFakeKubeconfig, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { kubectl } from '../support/fakeCluster/kubectl';
import { loadTarget } from '../../src/core/kube/loadTarget';
import { connect } from '../../src/core/kube/connection';
import { listPodChoices, podSummaries } from '../../src/core/kube/liveChoices';

let tmp = '';
let home = '';
let prod: FakeCluster;
let kubeconfig = '';

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-kube-choices-'));
  home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  prod = await startFakeCluster(photonFixture('prod', { tokens: { 'prod-token': { name: 'sre' } } }, { podStates: true }));
  kubeconfig = writeFakeKubeconfig(path.join(tmp, 'config'), [{ context: 'prod', server: prod.url, namespace: 'photon-mlir', token: 'prod-token' }]);
});

after(async () => {
  await prod?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Ages read a moment apart may differ by one tick of their unit (69s / 70s). */
function assertSameAge(ours: string, theirs: string, what: string): void {
  const [a, b] = [/^(\d+)([smhd])$/.exec(ours), /^(\d+)([smhd])$/.exec(theirs)];
  assert.ok(a && b && a[2] === b[2] && Math.abs(Number(a[1]) - Number(b[1])) <= 1, `${what}: age ${ours} vs kubectl's ${theirs}`);
}

/** NAME READY STATUS RESTARTS AGE, as the real kubectl prints them. */
async function kubectlRows(): Promise<string[][]> {
  const r = await kubectl(['get', 'pods', '-n', 'photon-mlir', '--no-headers'], { KUBECONFIG: kubeconfig, home });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim().split('\n').map((l) => l.split(/\s{2,}|\s(?=\S)/).filter(Boolean));
}

test('live pod choices carry what `kubectl get pods` shows: status, ready, restarts and age; pods needing attention come first', async () => {
  const { merged, target } = loadTarget({ kubeconfig: [kubeconfig], context: 'prod' });
  const choices = await listPodChoices(await connect(merged, target));
  const rows = await kubectlRows();
  assert.equal(choices.length, rows.length);
  for (const [name, ready, status, restarts, age] of rows) {
    const c = choices.find((x) => x.value === name);
    assert.ok(c, name);
    const [desc, ourAge] = c.description!.split(' · age ');
    assert.equal(desc, `${status} · ${ready} ready · ${restarts} ${restarts === '1' ? 'restart' : 'restarts'}`);
    assertSameAge(ourAge, age, name);
  }
  const crashing = choices.find((c) => c.description?.startsWith('CrashLoopBackOff'))!;
  assert.match(crashing.description!, /^CrashLoopBackOff · 0\/1 ready · 7 restarts · age \d+d$/);
  assert.equal(crashing.attention, true);
  assert.equal(choices[0], crashing, 'the crash-looping pod (most restarts) is the first choice');
  assert.deepEqual(choices.filter((c) => c.attention).map((c) => c.description!.split(' · ')[0]).sort(), ['ContainerCreating', 'CrashLoopBackOff', 'Error', 'ImagePullBackOff']);
  // Attention first, then healthy ones; Completed is not a problem.
  const firstHealthy = choices.findIndex((c) => !c.attention);
  assert.ok(choices.slice(firstHealthy).every((c) => !c.attention));
  assert.ok(choices.slice(firstHealthy).some((c) => c.description!.startsWith('Completed')));
  // Asked the way kubectl asks: server-side printing.
  assert.match(prod.requests.filter((q) => q.path === '/api/v1/namespaces/photon-mlir/pods').at(-1)!.accept!, /as=Table/);
});

test('a server that cannot print tables sends the pod list; the statuses read from it agree with kubectl', async () => {
  const list = { kind: 'PodList', items: prod.objects('pods').filter((p) => p.metadata.namespace === 'photon-mlir') };
  const ours = podSummaries(list);
  const rows = await kubectlRows();
  assert.deepEqual(ours.map((p) => [p.name, p.ready, p.status, p.restarts]).sort(), rows.map((r) => r.slice(0, 4)).sort());
  for (const p of ours) assertSameAge(p.age, rows.find((r) => r[0] === p.name)![4], p.name);
  assert.throws(() => podSummaries({ kind: 'Status' }), /neither a table nor a pod list/);
});
