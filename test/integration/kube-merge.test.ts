import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { kubeconfigSource } from '../../src/core/kube/kubeconfigPaths';
import { loadKubeconfig } from '../../src/core/kube/mergeKubeconfig';
import { listContexts, resolveTarget } from '../../src/core/kube/contexts';
import { KubeError } from '../../src/core/kube/kubeError';
import { fingerprints, kubectl, runProcess } from '../support/fakeCluster/kubectl';

let tmp = '';
let home = '';
const files: Record<string, string> = {};

function write(name: string, config: unknown): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof config === 'string' ? config : stringify(config));
  return file;
}

const cluster = (name: string, server: string) => ({ name, cluster: { server } });
const user = (name: string, token: string) => ({ name, user: { token } });
const context = (name: string, c: string, u: string, namespace?: string) => ({ name, context: { cluster: c, user: u, ...(namespace ? { namespace } : {}) } });

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-kube-merge-'));
  home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  // Overlapping names across files: kubectl keeps the first definition of each name.
  files.a = write('a/config', {
    apiVersion: 'v1', kind: 'Config',
    clusters: [cluster('shared', 'https://a.example:6443'), cluster('only-a', 'https://only-a.example:6443')],
    users: [user('u-shared', 'token-a'), user('u-a', 'token-only-a')],
    contexts: [context('ctx-shared', 'shared', 'u-shared', 'ns-from-a'), context('ctx-a', 'only-a', 'u-a')],
  });
  files.b = write('b/config', {
    apiVersion: 'v1', kind: 'Config', 'current-context': 'ctx-b',
    clusters: [cluster('shared', 'https://b.example:6443'), cluster('only-b', 'https://only-b.example:6443')],
    users: [user('u-shared', 'token-b'), user('u-b', 'token-only-b')],
    contexts: [context('ctx-shared', 'only-b', 'u-b', 'ns-from-b'), context('ctx-b', 'only-b', 'u-b', 'team-b')],
  });
  files.c = write('c/config', {
    apiVersion: 'v1', kind: 'Config', 'current-context': 'ctx-c',
    clusters: [cluster('only-c', 'https://only-c.example:6443')],
    users: [user('u-c', 'token-c')],
    contexts: [context('ctx-c', 'only-c', 'u-c'), context('ctx-b', 'only-c', 'u-c', 'shadowed')],
  });
  files.empty = write('empty/config', '');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function kubectlView(kubeconfigEnv: string) {
  const r = await kubectl(['config', 'view', '--raw', '-o', 'json'], { KUBECONFIG: kubeconfigEnv, home });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as {
    'current-context': string;
    clusters: { name: string; cluster: { server: string } }[];
    users: { name: string; user: { token?: string } }[];
    contexts: { name: string; context: { cluster: string; user: string; namespace?: string } }[];
  };
}

test('several KUBECONFIG files merge exactly like `kubectl config view --merge` (first definition and first current-context win)', async () => {
  const before = fingerprints([files.a, files.b, files.c, files.empty]);
  const missing = path.join(tmp, 'does-not-exist', 'config');
  const env = [files.a, missing, files.empty, files.b, files.c].join(path.delimiter);
  const merged = loadKubeconfig(kubeconfigSource({ env: { KUBECONFIG: env } }));
  const view = await kubectlView(env);

  assert.equal(merged.currentContext, view['current-context']);
  assert.equal(merged.currentContext, 'ctx-b');
  assert.deepEqual([...merged.contexts.keys()].sort(), view.contexts.map((c) => c.name).sort());
  for (const c of view.contexts) {
    const ours = merged.contexts.get(c.name)!.body;
    assert.deepEqual({ cluster: ours.cluster, user: ours.user, namespace: ours.namespace }, { cluster: c.context.cluster, user: c.context.user, namespace: c.context.namespace }, c.name);
  }
  for (const c of view.clusters) assert.equal(merged.clusters.get(c.name)!.body.server, c.cluster.server, c.name);
  for (const u of view.users) assert.equal(merged.users.get(u.name)!.body.token, u.user.token, u.name);
  assert.deepEqual(merged.missing, [missing]);

  // get-contexts and current-context agree too.
  const names = (await kubectl(['config', 'get-contexts', '-o', 'name'], { KUBECONFIG: env, home })).stdout.trim().split('\n').sort();
  assert.deepEqual(listContexts(merged).map((c) => c.name).sort(), names);
  assert.equal((await kubectl(['config', 'current-context'], { KUBECONFIG: env, home })).stdout.trim(), listContexts(merged).find((c) => c.current)?.name);

  // The first file that defines ctx-shared wins: cluster "shared" from a.
  assert.deepEqual(resolveTarget(merged, 'ctx-shared'), { context: 'ctx-shared', cluster: 'shared', namespace: 'ns-from-a' });
  assert.equal(merged.clusters.get('shared')!.file, files.a);
  assert.deepEqual(before, fingerprints([files.a, files.b, files.c, files.empty]));
});

test('order matters: with c first its current-context and its ctx-b win, as in kubectl', async () => {
  const env = [files.c, files.b, files.a].join(path.delimiter);
  const merged = loadKubeconfig(kubeconfigSource({ env: { KUBECONFIG: env } }));
  const view = await kubectlView(env);
  assert.equal(merged.currentContext, view['current-context']);
  assert.equal(merged.currentContext, 'ctx-c');
  const ctxB = view.contexts.find((c) => c.name === 'ctx-b')!;
  assert.equal(merged.contexts.get('ctx-b')!.body.namespace, ctxB.context.namespace);
  assert.equal(resolveTarget(merged, 'ctx-b').namespace, 'shadowed');
});

test('without KUBECONFIG, ~/.kube/config is read; an explicit list wins over KUBECONFIG', async () => {
  const fakeHome = path.join(tmp, 'home2');
  fs.mkdirSync(path.join(fakeHome, '.kube'), { recursive: true });
  fs.copyFileSync(files.c, path.join(fakeHome, '.kube', 'config'));
  const fromHome = loadKubeconfig(kubeconfigSource({ env: {}, home: fakeHome }));
  assert.deepEqual(fromHome.files, [path.join(fakeHome, '.kube', 'config')]);
  assert.equal(fromHome.currentContext, 'ctx-c');
  assert.equal((await kubectl(['config', 'current-context'], { home: fakeHome })).stdout.trim(), 'ctx-c');

  const explicit = loadKubeconfig(kubeconfigSource({ explicit: [files.b], env: { KUBECONFIG: files.c } }));
  assert.deepEqual(explicit.files, [files.b]);
  assert.equal(explicit.currentContext, 'ctx-b');
  assert.throws(() => loadKubeconfig(kubeconfigSource({ explicit: [path.join(tmp, 'nope.yaml')] })), (e: unknown) => e instanceof KubeError && e.code === 'missing-kubeconfig' && e.message.includes('nope.yaml'));
});

test('relative certificate, key, tokenFile and exec command paths resolve against the file that names them', async () => {
  const file = write('rel/kube/config', {
    clusters: [{ name: 'r', cluster: { server: 'https://r.example', 'certificate-authority': 'certs/ca.crt' } }],
    users: [
      { name: 'plugin', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: './bin/get-token', args: ['--x'] }, 'client-key': 'keys/k.pem', tokenFile: 'secrets/token' } },
      { name: 'abs-token', user: { tokenFile: '/abs/token', 'token-file': 'not/a/kubeconfig/key' } },
      { name: 'path-plugin', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'gke-gcloud-auth-plugin' } } },
    ],
    contexts: [context('r', 'r', 'plugin')],
  });
  const dir = path.dirname(file);
  const merged = loadKubeconfig(kubeconfigSource({ explicit: [file] }));
  assert.equal(merged.clusters.get('r')!.body['certificate-authority'], path.join(dir, 'certs/ca.crt'));
  const plugin = merged.users.get('plugin')!.body;
  assert.deepEqual(plugin.exec, { apiVersion: 'client.authentication.k8s.io/v1', command: path.join(dir, 'bin/get-token'), args: ['--x'] });
  assert.equal(plugin['client-key'], path.join(dir, 'keys/k.pem'));
  // kubeconfig's key is camel-case `tokenFile`; `token-file` is no kubeconfig key and stays as written.
  assert.equal(plugin.tokenFile, path.join(dir, 'secrets/token'));
  assert.deepEqual(merged.users.get('abs-token')!.body, { tokenFile: '/abs/token', 'token-file': 'not/a/kubeconfig/key' });
  // A bare command name is looked up in PATH, like kubectl does.
  assert.equal((merged.users.get('path-plugin')!.body.exec as { command: string }).command, 'gke-gcloud-auth-plugin');
});

test('a malformed kubeconfig names the file and the line; kubectl rejects the same file', async () => {
  const bad = write('bad/config', 'apiVersion: v1\nclusters:\n- name: x\n  cluster:\n    server: https://x\n   bad: indent\n');
  assert.throws(() => loadKubeconfig(kubeconfigSource({ env: { KUBECONFIG: [files.a, bad].join(path.delimiter) } })), (e: unknown) => {
    assert.ok(e instanceof KubeError && e.code === 'malformed-kubeconfig');
    assert.match(e.message, new RegExp(`${bad.replace(/[/\\.]/g, '\\$&')}:6: `));
    assert.ok(!e.message.includes('\n'), 'one line');
    return true;
  });
  assert.notEqual((await kubectl(['config', 'get-contexts'], { KUBECONFIG: bad, home })).code, 0);

  const wrongShape = write('bad2/config', 'apiVersion: v1\nkind: Config\nclusters:\n  name: x\n');
  assert.throws(() => loadKubeconfig(kubeconfigSource({ explicit: [wrongShape] })), /bad2\/config:4: clusters must be a list/);
  assert.notEqual((await kubectl(['config', 'get-contexts'], { KUBECONFIG: wrongShape, home })).code, 0);

  const dup = write('dup/config', { contexts: [context('x', 'c', 'u'), context('x', 'c', 'u')] });
  assert.throws(() => loadKubeconfig(kubeconfigSource({ explicit: [dup] })), /dup\/config:\d+: context "x" is defined twice/);
  assert.notEqual((await kubectl(['config', 'get-contexts'], { KUBECONFIG: dup, home })).code, 0);
});

test('a context that no longer exists, or points at an undefined cluster, is refused with its name', async () => {
  const merged = loadKubeconfig(kubeconfigSource({ explicit: [files.a] }));
  assert.throws(() => resolveTarget(merged, 'prod-eu'), (e: unknown) => e instanceof KubeError && e.code === 'unknown-context' && /"prod-eu" no longer exists.*Known contexts: ctx-shared, ctx-a/.test(e.message));
  const dangling = write('dangling/config', { clusters: [], users: [], contexts: [context('d', 'gone-cluster', 'nobody')] });
  assert.throws(() => resolveTarget(loadKubeconfig(kubeconfigSource({ explicit: [dangling] })), 'd'), /refers to cluster "gone-cluster"/);
  assert.throws(() => resolveTarget(loadKubeconfig(kubeconfigSource({ explicit: [files.a] }))), /no current-context/);
});

test('contexts --json reports the namespace the file says (blank like kubectl when none) and the effective namespace apart', async () => {
  const env = [files.a, files.b].join(path.delimiter);
  const view = await kubectlView(env);
  const r = await runProcess(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../src/cli/main.ts'), 'contexts', '--json'], { env: { PATH: process.env.PATH, HOME: home, KUBECONFIG: env } });
  assert.equal(r.code, 0, r.stderr);
  const listed = JSON.parse(r.stdout) as { contexts: { name: string; namespace: string; effectiveNamespace: string; cluster: string; user: string; server: string; current: boolean; simulated: boolean; file: string }[] };
  for (const c of view.contexts) {
    const ours = listed.contexts.find((l) => l.name === c.name)!;
    assert.equal(ours.namespace, c.context.namespace ?? '', c.name);
    assert.equal(ours.effectiveNamespace, c.context.namespace || 'default', c.name);
  }
  assert.deepEqual(listed.contexts.find((c) => c.name === 'ctx-a'), {
    name: 'ctx-a', cluster: 'only-a', user: 'u-a', namespace: '', effectiveNamespace: 'default', server: 'https://only-a.example:6443', current: false, simulated: false, file: files.a,
  });
  // The table shows the namespace column blank for ctx-a, as `kubectl config get-contexts` does.
  const table = await runProcess(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../src/cli/main.ts'), 'contexts'], { env: { PATH: process.env.PATH, HOME: home, KUBECONFIG: env } });
  assert.match(table.stdout, /^ +ctx-a +only-a +https:\/\/only-a\.example:6443$/m);
  const kubectlTable = (await kubectl(['config', 'get-contexts', 'ctx-a'], { KUBECONFIG: env, home })).stdout;
  assert.match(kubectlTable, /ctx-a +only-a +u-a *$/m);
});
