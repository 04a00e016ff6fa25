import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kubectl, runProcess } from '../support/fakeCluster/kubectl';

const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-kube-demo-'));
let demo: ChildProcess | undefined;

after(async () => {
  if (demo && demo.exitCode === null) {
    demo.kill('SIGTERM');
    await new Promise((r) => demo!.once('exit', r));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the local demo cluster serves the reference runbook objects on two simulated contexts', async () => {
  const kubeconfig = path.join(tmp, 'demo', 'kubeconfig');
  demo = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo-cluster.ts', '--port', '0', '--kubeconfig-out', kubeconfig, '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const info = await new Promise<{ kubeconfig: string; contexts: Record<string, string>; simulated: boolean }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`demo did not start: ${out}`)), 15_000);
    demo!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(out.split('\n')[0]));
      }
    });
  });
  assert.equal(info.kubeconfig, kubeconfig);
  assert.equal(info.simulated, true);
  assert.notEqual(info.contexts['demo-staging'], info.contexts['demo-prod']);
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home);

  const env = { KUBECONFIG: kubeconfig, home };
  const pods = await kubectl(['get', 'pods', '-n', 'photon-mlir', '-l', 'app=photon-compiler', '-o', 'name'], env);
  assert.equal(pods.code, 0, pods.stderr);
  assert.equal(pods.stdout.trim().split('\n').length, 2); // current context: demo-staging
  const prodPods = await kubectl(['--context', 'demo-prod', 'get', 'pods', '-n', 'photon-mlir'], env);
  assert.match(prodPods.stdout, /CrashLoopBackOff/);
  const secret = await kubectl(['--context', 'demo-prod', 'get', 'secret', 'db-credentials', '-n', 'photon-mlir', '-o', 'jsonpath={.data.username}'], env);
  assert.equal(Buffer.from(secret.stdout, 'base64').toString(), 'photon');
  for (const name of ['db-config', 'photon-config']) {
    assert.equal((await kubectl(['get', 'configmap', name, '-n', 'photon-mlir', '-o', 'name'], env)).stdout.trim(), `configmap/${name}`);
  }
  // A mutation from the runbook is accepted (and kept in memory only).
  const scaled = await kubectl(['--context', 'demo-prod', 'scale', 'deployment', 'photon-compiler', '--replicas=5', '-n', 'photon-mlir'], env);
  assert.equal(scaled.code, 0, scaled.stderr);
  assert.equal((await kubectl(['--context', 'demo-prod', 'get', 'deploy', 'photon-compiler', '-n', 'photon-mlir', '-o', 'jsonpath={.spec.replicas}'], env)).stdout, '5');
  assert.equal((await kubectl(['get', 'deploy', 'photon-compiler', '-n', 'photon-mlir', '-o', 'jsonpath={.spec.replicas}'], env)).stdout, '2', 'staging untouched');

  // `runbook-lens contexts --json` lists both and says they are simulated.
  const listed = await runProcess(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'contexts', '--kubeconfig', kubeconfig, '--json'], { cwd: root, env: { PATH: process.env.PATH, HOME: home } });
  assert.equal(listed.code, 0, listed.stderr);
  const parsed = JSON.parse(listed.stdout) as { currentContext: string; contexts: { name: string; simulated: boolean; namespace: string; server: string }[] };
  assert.equal(parsed.currentContext, 'demo-staging');
  assert.deepEqual(parsed.contexts.map((c) => [c.name, c.simulated, c.namespace, c.server]), [
    ['demo-staging', true, 'photon-mlir', info.contexts['demo-staging']],
    ['demo-prod', true, 'photon-mlir', info.contexts['demo-prod']],
  ]);

  demo.kill('SIGTERM');
  const code = await new Promise((r) => demo!.once('exit', r));
  assert.equal(code, 0);
});
