import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeCluster, writeFakeKubeconfig, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { fingerprints, kubectl, runProcess } from '../support/fakeCluster/kubectl';
import { loadTarget } from '../../src/core/kube/loadTarget';
import { SCOPED_DIR_PREFIX, writeScopedKubeconfig } from '../../src/core/kube/scopedKubeconfig';
import { sweepStaleScopedKubeconfigs } from '../../src/core/kube/staleScoped';
import { bundleCli } from '../support/bundleCli';

const root = path.resolve(__dirname, '../..');
let tmp = '';
let home = '';
let scopedRoot = '';
let staging: FakeCluster;
let prod: FakeCluster;
let kubeconfigs: string[] = [];
let runbook = '';
let cliJs = '';

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-kube-scoped-'));
  home = path.join(tmp, 'home');
  scopedRoot = path.join(tmp, 'scoped-tmp');
  fs.mkdirSync(home);
  fs.mkdirSync(scopedRoot);
  cliJs = await bundleCli(tmp);
  staging = await startFakeCluster(photonFixture('staging', { tokens: { 'staging-token': { name: 'sre-staging' } } }));
  prod = await startFakeCluster(photonFixture('prod', { tokens: { 'prod-token': { name: 'sre-prod' }, 'plugin-token': { name: 'sre-plugin' } } }));
  // An exec credential plugin next to the kubeconfig, named by a relative path.
  const pluginDir = path.join(tmp, 'kube', 'bin');
  fs.mkdirSync(pluginDir, { recursive: true });
  fs.writeFileSync(path.join(pluginDir, 'cred.sh'), '#!/bin/sh\necho \'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"plugin-token"}}\'\n', { mode: 0o755 });
  kubeconfigs = [
    writeFakeKubeconfig(path.join(tmp, 'kube', 'staging.yaml'), [{ context: 'staging', server: staging.url, namespace: 'photon-mlir', token: 'staging-token' }]),
    writeFakeKubeconfig(path.join(tmp, 'kube', 'prod.yaml'), [
      { context: 'prod-eu', server: prod.url, namespace: 'photon-mlir', token: 'prod-token' },
      { context: 'prod-plugin', cluster: 'prod-eu', user: 'plugin-user', server: prod.url, namespace: 'photon-mlir', exec: { command: './bin/cred.sh' } },
    ]),
  ];
  runbook = path.join(tmp, 'runbook.md');
  fs.writeFileSync(runbook, [
    '# Targets', '',
    '```bash', 'kubectl get pods', 'kubectl get deploy photon-compiler -o jsonpath=\'{.spec.template.spec.containers[0].image}\'', 'echo', 'echo "SCOPED=$KUBECONFIG"', '```', '',
    '```bash', 'echo "SCOPED=$KUBECONFIG"', 'echo "BLOCKPID=$$"', 'sleep 30', '```', '',
  ].join('\n'));
});

after(async () => {
  await Promise.all([staging?.close(), prod?.close()]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

const kubeEnv = () => kubeconfigs.join(path.delimiter);

function cli(args: string[]) {
  return runProcess(process.execPath, [cliJs, ...args], {
    cwd: root, timeoutMs: 20_000, env: { PATH: process.env.PATH, HOME: home, KUBECONFIG: kubeEnv(), TMPDIR: scopedRoot },
  });
}

const scopedPathIn = (out: string) => /SCOPED=(\S+)/.exec(out)?.[1];
const leftovers = () => fs.readdirSync(scopedRoot).filter((n) => n.startsWith(SCOPED_DIR_PREFIX));

test('the scoped kubeconfig holds only the chosen context, its cluster and user, 0600 in a 0700 directory', async () => {
  const { merged, target } = loadTarget({ env: { KUBECONFIG: kubeEnv() }, context: 'prod-plugin', namespace: 'payments' });
  const scoped = await writeScopedKubeconfig(merged, target, { tmpRoot: scopedRoot });
  try {
    assert.equal(fs.statSync(scoped.path).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(scoped.path)).mode & 0o777, 0o700);
    assert.equal(scoped.env.KUBECONFIG, scoped.path);
    const view = JSON.parse((await kubectl(['config', 'view', '--raw', '-o', 'json'], { KUBECONFIG: scoped.path, home })).stdout);
    assert.equal(view['current-context'], 'prod-plugin');
    assert.deepEqual(view.contexts.map((c: { name: string }) => c.name), ['prod-plugin']);
    assert.deepEqual(view.contexts[0].context, { cluster: 'prod-eu', user: 'plugin-user', namespace: 'payments' });
    assert.deepEqual(view.clusters.map((c: { name: string }) => c.name), ['prod-eu']);
    assert.deepEqual(view.users.map((u: { name: string }) => u.name), ['plugin-user']);
    // The exec stanza is kept, its relative command made absolute against the original file.
    assert.equal(view.users[0].user.exec.command, path.join(tmp, 'kube', 'bin', 'cred.sh'));
    // …so kubectl started anywhere still gets a token from the plugin (the prod API requires one).
    const r = await kubectl(['get', 'pods', '-o', 'name', '-n', 'photon-mlir'], { KUBECONFIG: scoped.path, home, cwd: os.tmpdir() });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /pod\/photon-compiler-/);
    assert.equal(prod.requests.at(-1)?.user, 'sre-plugin');
  } finally {
    await scoped.dispose();
  }
  assert.equal(fs.existsSync(path.dirname(scoped.path)), false);
});

const incident = () => path.join(tmp, 'incident');

test('runbook-lens run --context prod-eu reaches only prod, namespace photon-mlir; kubeconfigs stay byte-identical; the scoped file is gone', async () => {
  const before = fingerprints(kubeconfigs);
  const stagingSeen = staging.requests.length;
  const prodSeen = prod.requests.length;
  const r1 = await cli(['run', runbook, '--block', '1', '--incident', incident(), '--context', 'prod-eu']);
  assert.equal(r1.code, 0, r1.stderr);
  assert.match(r1.stdout, /CrashLoopBackOff/); // only prod has a crashing pod
  assert.match(r1.stdout, /compiler:2\.4\.1/); // prod's image, not staging's 2.5.0-rc1
  assert.equal(staging.requests.length, stagingSeen, 'staging received nothing');
  const prodApi = prod.requests.slice(prodSeen).filter((q) => q.path.includes('/namespaces/'));
  assert.ok(prodApi.length >= 2);
  assert.ok(prodApi.every((q) => /\/namespaces\/photon-mlir(\/|$)/.test(q.path) && q.user === 'sre-prod'), JSON.stringify(prodApi.map((q) => q.path)));
  assert.equal(fs.existsSync(scopedPathIn(r1.stdout)!), false, 'scoped kubeconfig removed');
  assert.deepEqual(fingerprints(kubeconfigs), before);
  assert.deepEqual(leftovers(), []);
});

test('runbook-lens run --context staging --namespace sandbox reaches only staging/sandbox; both runs are in the timeline with their target', async () => {
  const before = fingerprints(kubeconfigs);
  const stagingSeen = staging.requests.length;
  const prodSeen2 = prod.requests.length;
  const r2 = await cli(['run', runbook, '--block', '1', '--incident', incident(), '--context', 'staging', '--namespace', 'sandbox']);
  // sandbox has no photon-compiler deployment: that kubectl fails, so the block failed though bash returned 0.
  assert.equal(r2.code, 1, r2.stderr);
  assert.match(r2.stderr, /first failed command \(line \d+\): kubectl get deploy photon-compiler .* → exit 1/);
  assert.doesNotMatch(r2.stdout, /photon-compiler-/); // sandbox holds no pods
  assert.equal(prod.requests.length, prodSeen2, 'prod received nothing');
  const stagingApi = staging.requests.slice(stagingSeen).filter((q) => q.path.includes('/namespaces/'));
  assert.ok(stagingApi.length >= 1 && stagingApi.every((q) => /\/namespaces\/sandbox(\/|$)/.test(q.path)), JSON.stringify(stagingApi.map((q) => q.path)));
  assert.equal(fs.existsSync(scopedPathIn(r2.stdout)!), false);

  // Both runs are in the timeline with their target.
  const entries = fs.readFileSync(path.join(incident(), 'timeline.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.status !== 'started');
  assert.deepEqual(entries.map((e) => e.target), [
    { context: 'prod-eu', cluster: 'prod-eu', namespace: 'photon-mlir' },
    { context: 'staging', cluster: 'staging', namespace: 'sandbox' },
  ]);
  assert.deepEqual(fingerprints(kubeconfigs), before);
  assert.deepEqual(leftovers(), []);
});

test('an unknown context is refused before anything runs', async () => {
  const r = await cli(['run', runbook, '--block', '1', '--incident', path.join(tmp, 'incident-x'), '--context', 'prod-us']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Context "prod-us" no longer exists in the kubeconfig .*Known contexts: staging, prod-eu, prod-plugin/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

/** Starts block 2 (prints the scoped path, then sleeps) and resolves once the path is printed. */
function startLongRun(): Promise<{ child: ReturnType<typeof spawn>; scoped: string; blockPid: number }> {
  const child = spawn(process.execPath, [cliJs, 'run', runbook, '--block', '2', '--incident', path.join(tmp, 'incident-long'), '--context', 'prod-eu'], {
    cwd: root, env: { PATH: process.env.PATH, HOME: home, KUBECONFIG: kubeEnv(), TMPDIR: scopedRoot }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    // Generous: on a loaded machine the CLI can take a while to start the block.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the block did not start in time; output so far: ${out}`));
    }, 40_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const scoped = scopedPathIn(out);
      const pid = /BLOCKPID=(\d+)/.exec(out)?.[1];
      if (scoped && pid) {
        clearTimeout(timer);
        resolve({ child, scoped, blockPid: Number(pid) });
      }
    });
  });
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

test('a run stopped with SIGTERM removes its scoped kubeconfig', async () => {
  const { child, scoped } = await startLongRun();
  assert.equal(fs.existsSync(scoped), true);
  child.kill('SIGTERM');
  await exited(child);
  assert.equal(fs.existsSync(scoped), false);
});

test('a run killed with SIGKILL leaves a scoped file that the next start removes', async () => {
  const { child, scoped, blockPid } = await startLongRun();
  child.kill('SIGKILL');
  await exited(child);
  try {
    process.kill(-blockPid, 'SIGKILL'); // the orphaned block's process group
  } catch {
    // already gone
  }
  assert.equal(fs.existsSync(scoped), true, 'nothing could remove it at SIGKILL');
  const before = fingerprints(kubeconfigs);
  // The next start of `runbook-lens run` sweeps it, even one refused at once.
  const next = await cli(['run', runbook, '--block', '1', '--incident', path.join(tmp, 'incident'), '--context', 'no-such-context']);
  assert.equal(next.code, 2, next.stderr);
  assert.equal(fs.existsSync(scoped), false, 'swept at the next run');
  assert.deepEqual(leftovers(), []);
  assert.deepEqual(sweepStaleScopedKubeconfigs(scopedRoot), []);
  assert.deepEqual(fingerprints(kubeconfigs), before);
});
