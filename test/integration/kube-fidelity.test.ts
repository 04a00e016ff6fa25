import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeCluster, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { kubectl } from '../support/fakeCluster/kubectl';
import { writeScenarios, type KubeconfigScenario } from '../support/kubeconfigScenarios';
import { loadTarget } from '../../src/core/kube/loadTarget';
import { writeScopedKubeconfig } from '../../src/core/kube/scopedKubeconfig';

/*
 * Our scoped kubeconfig against the real kubectl: for each generated layout, what
 * `kubectl config view --minify --flatten --context X` makes of the user's files must equal
 * what it makes of our scoped file, and kubectl started elsewhere must authenticate with it.
 */

const MAX = 400;
let tmp = '';
let home = '';
let cluster: FakeCluster;
let scenarios: KubeconfigScenario[] = [];
const tokenFor = (i: number) => `fidelity-token-${i}`;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-kube-fidelity-'));
  home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  const tokens = Object.fromEntries(Array.from({ length: MAX }, (_, i) => [tokenFor(i), { name: `fidelity-user-${i}` }]));
  cluster = await startFakeCluster(photonFixture('staging', { tokens }));
  scenarios = writeScenarios(path.join(tmp, 'scenarios'), cluster.url, process.cwd(), tokenFor);
});

after(async () => {
  await cluster?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

type View = {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> & { exec?: { command: string } } }[];
  contexts: { name: string; context: { namespace?: string } }[];
};

async function view(kubeconfig: string, context: string | undefined, s: KubeconfigScenario): Promise<View> {
  const r = await kubectl(['config', 'view', '--minify', '--flatten', '-o', 'json', ...(context ? ['--context', context] : [])], { KUBECONFIG: kubeconfig, home, extra: { PATH: `${s.pathDir}${path.delimiter}${process.env.PATH}` } });
  assert.equal(r.code, 0, `${s.id}: ${r.stderr}`);
  return JSON.parse(r.stdout) as View;
}

/**
 * kubectl's `config view` prints tokenFile and a relative exec command as written (it only
 * inlines certificate files), while every other kubectl command resolves them against the
 * folder of the file that names them. Resolve them that way here, and apply the run's
 * namespace, which the scoped file always states (`default` when the context sets none).
 */
function expected(v: View, s: KubeconfigScenario): View {
  const dir = path.dirname(s.userFile);
  const abs = (p: string) => (path.isAbsolute(p) ? p : path.join(dir, p));
  for (const { user } of v.users) {
    if (typeof user.tokenFile === 'string' && user.tokenFile) user.tokenFile = abs(user.tokenFile);
    if (user.exec && user.exec.command.includes('/')) user.exec.command = abs(user.exec.command);
  }
  for (const { context } of v.contexts) context.namespace = s.namespace ?? (context.namespace || 'default');
  return v;
}

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

test('the scoped kubeconfig matches `kubectl config view --minify --flatten --context X` in every generated scenario, and kubectl authenticates with it from another folder', async () => {
  assert.ok(scenarios.length >= 160, `only ${scenarios.length} scenarios`);
  const scopedRoot = path.join(tmp, 'scoped');
  fs.mkdirSync(scopedRoot);
  const elsewhere = path.join(tmp, 'elsewhere');
  fs.mkdirSync(elsewhere);
  const failures: string[] = [];
  let agreed = 0;
  let authenticated = 0;
  let tokenScenarios = 0;
  await pool(scenarios, 4, async (s) => {
    const { merged, target } = loadTarget({ env: { KUBECONFIG: s.kubeconfig }, context: s.context, namespace: s.namespace });
    const scoped = await writeScopedKubeconfig(merged, target, { tmpRoot: scopedRoot });
    try {
      const want = expected(await view(s.kubeconfig, s.context, s), s);
      const got = await view(scoped.path, undefined, s);
      try {
        assert.deepEqual(got, want);
        agreed++;
      } catch (err) {
        failures.push(`${s.id}: ${(err as Error).message.split('\n').slice(0, 12).join('\n')}`);
      }
      if (!s.tokenAuth) return;
      tokenScenarios++;
      const seen = cluster.requests.length;
      const r = await kubectl(['get', '--raw', '/api/v1/namespaces/default/configmaps'], { KUBECONFIG: scoped.path, home, cwd: elsewhere, extra: { PATH: `${s.pathDir}${path.delimiter}${process.env.PATH}` } });
      const users = cluster.requests.slice(seen).map((q) => q.user);
      const index = Number(s.id.slice(0, 3));
      if (r.code === 0 && users.includes(`fidelity-user-${index}`)) authenticated++;
      else failures.push(`${s.id}: kubectl with the scoped file: exit ${r.code}, ${r.stderr.trim().split('\n')[0]}`);
    } finally {
      await scoped.dispose();
    }
  });
  process.stdout.write(`kubeconfig fidelity: ${agreed}/${scenarios.length} scoped kubeconfigs agree with kubectl config view; ${authenticated}/${tokenScenarios} authenticate from another folder\n`);
  assert.deepEqual(failures, []);
  assert.equal(agreed, scenarios.length);
});
