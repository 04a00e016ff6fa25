import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startFakeCluster, writeFakeKubeconfig, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import type { KubeTargetService } from '../../src/extension/kube/targetService';
import type { TimelineEntry } from '../../src/core/incident/types';
import { EXTENSION_ID, lensTitles, openRunbook, readTimeline, runBlock, startIncident, waitFor, workspaceRoot } from './support';

describe('cluster target', () => {
  let staging: FakeCluster;
  let prod: FakeCluster;
  let tmp = '';
  let kubeconfig = '';
  let incident = '';
  let service: KubeTargetService;
  const runbookRel = 'kube-target.md';
  const prodPods = () => prod.objects('pods').filter((p) => p.metadata.namespace === 'photon-mlir');
  const fingerprint = () => fs.readFileSync(kubeconfig, 'utf8') + fs.statSync(kubeconfig).mtimeMs;

  before(async () => {
    staging = await startFakeCluster(photonFixture('staging', { tokens: { 's-token': { name: 'sre' } } }));
    // Pods in several states, so live choices must tell the crash-looping one apart.
    prod = await startFakeCluster(photonFixture('prod', { tokens: { 'p-token': { name: 'sre' } } }, { podStates: true }));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-vscode-kube-'));
    kubeconfig = writeFakeKubeconfig(path.join(tmp, 'config'), [
      { context: 'staging', server: staging.url, namespace: 'photon-mlir', token: 's-token' },
      { context: 'prod-eu', server: prod.url, namespace: 'photon-mlir', token: 'p-token' },
    ], 'staging');
    fs.writeFileSync(path.join(workspaceRoot(), runbookRel), '# Kube\n\n```bash\nkubectl get pods -o name\necho "SCOPED=$KUBECONFIG"\n```\n\n## Describe\n\n```bash\nkubectl get pod <pod-name> -o name\n```\n');
    await vscode.workspace.getConfiguration('runbookLens').update('kubeconfig', [kubeconfig], vscode.ConfigurationTarget.Workspace);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const api = (await ext.activate()) as { services: { target?: unknown } };
    service = api.services.target as KubeTargetService;
    await new Promise((r) => setTimeout(r, 200)); // configuration change → reload
    incident = await startIncident('extension-host suite: cluster target');
  });

  after(async () => {
    await service?.forget();
    await vscode.workspace.getConfiguration('runbookLens').update('kubeconfig', undefined, vscode.ConfigurationTarget.Workspace);
    await Promise.all([staging?.close(), prod?.close()]);
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(path.join(workspaceRoot(), runbookRel), { force: true });
  });

  it('registers its commands and takes the kubeconfig current context from the setting', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['runbookLens.selectClusterTarget', 'runbookLens.checkCluster', 'runbookLens.runOnContexts']) assert.ok(commands.includes(id), id);
    assert.deepEqual(service.current(), { context: 'staging', cluster: 'staging', namespace: 'photon-mlir' });
    const doc = await openRunbook(runbookRel);
    const titles = (await lensTitles(doc.uri)).map((l) => l.title);
    assert.ok(titles.includes('▶ Run on staging/photon-mlir'), titles.join(' | '));
  });

  it('runs a block on the chosen target only, pins it in incident.json, and leaves no scoped file', async () => {
    const before = fingerprint();
    await service.choose({ context: 'prod-eu', cluster: 'prod-eu', namespace: 'photon-mlir' });
    const stagingSeen = staging.requests.length;
    const entry = await runBlock(vscode.Uri.file(path.join(workspaceRoot(), runbookRel)), 1);
    assert.ok(entry, 'recorded');
    assert.equal(entry.exitCode, 0, entry.output);
    assert.deepEqual(entry.target, { context: 'prod-eu', cluster: 'prod-eu', namespace: 'photon-mlir' });
    assert.equal((entry.output ?? '').split('\n').filter((l) => l.startsWith('pod/')).length, prodPods().length, entry.output);
    assert.equal(staging.requests.length, stagingSeen, 'staging got nothing');
    const scoped = /SCOPED=(\S+)/.exec(entry.output ?? '')?.[1];
    assert.ok(scoped && scoped !== kubeconfig);
    assert.equal(fs.existsSync(scoped), false, 'scoped kubeconfig removed');
    assert.equal(fingerprint(), before, 'kubeconfig unchanged');
    const pinned = JSON.parse(fs.readFileSync(path.join(incident, 'incident.json'), 'utf8')).target;
    assert.deepEqual(pinned, { context: 'prod-eu', cluster: 'prod-eu', namespace: 'photon-mlir' });
  });

  it('offers live pods for <pod-name> and contexts for <context>', async () => {
    const target = service.current()!;
    const pods = (await service.placeholderChoices('pod-name', target))!;
    assert.deepEqual(pods.map((c) => c.value).sort(), prodPods().map((p) => p.metadata.name).sort());
    assert.deepEqual(await service.placeholderChoices('context', target), [{ value: 'staging' }, { value: 'prod-eu' }]);
    assert.equal(await service.placeholderChoices('incident-key', target), undefined);
  });

  it('the <pod-name> picker shows each pod\'s status, readiness, restarts and age; the CrashLoopBackOff pod is first, marked, and picking it fills the command', async () => {
    type Item = vscode.QuickPickItem & { value?: string };
    const win = vscode.window as { createQuickPick: typeof vscode.window.createQuickPick };
    const original = win.createQuickPick;
    let picker: vscode.QuickPick<Item> | undefined;
    // The real QuickPick, only kept so the test can read what it shows.
    win.createQuickPick = (<T extends vscode.QuickPickItem>() => (picker = original<Item>()) as unknown as vscode.QuickPick<T>) as typeof vscode.window.createQuickPick;
    try {
      const run = runBlock(vscode.Uri.file(path.join(workspaceRoot(), runbookRel)), 2);
      const qp = await waitFor('the <pod-name> picker with live pods', () => (picker && picker.items.length >= prodPods().length ? picker : undefined));
      assert.match(qp.title ?? '', /<pod-name>/);
      const crashing = prodPods().find((p) => JSON.stringify(p.status).includes('CrashLoopBackOff'))!.metadata.name;
      const first = qp.items[0];
      assert.equal(first.value, crashing);
      assert.equal(first.label, `$(warning) ${crashing}`);
      assert.match(first.description ?? '', /^CrashLoopBackOff · 0\/1 ready · 7 restarts · age \d+d$/);
      const byName = new Map(qp.items.map((i) => [i.value, i]));
      assert.match(byName.get('photon-indexer-k8v4d')?.description ?? '', /^ImagePullBackOff · 0\/1 ready · 0 restarts · age 1\dm$/);
      assert.match(byName.get('photon-db-migrate-7q2xk')?.description ?? '', /^Completed · 0\/1 ready · 0 restarts · age \d+m$/);
      const healthy = qp.items.filter((i) => /^Running · 1\/1 ready · 0 restarts/.test(i.description ?? ''));
      assert.equal(healthy.length, 2);
      assert.ok(healthy.every((i) => i.label === i.value), 'healthy pods carry no mark');
      qp.activeItems = [first];
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const entry = await run;
      assert.equal(entry?.command, `kubectl get pod ${crashing} -o name`);
      assert.equal(entry?.exitCode, 0, entry?.output);
    } finally {
      win.createQuickPick = original;
    }
  });

  it('Check Cluster records version, readiness and round trip in the timeline', async () => {
    await vscode.commands.executeCommand('runbookLens.checkCluster');
    const note = readTimeline(incident).filter((e) => e.kind === 'note' && e.check).at(-1) as TimelineEntry & { check: { version: string; ready: boolean; rttMs: number } };
    assert.ok(note, 'a note with a check');
    assert.equal(note.check.version, 'v1.30.6');
    assert.equal(note.check.ready, true);
    assert.match(note.text ?? '', /^Cluster prod-eu\/photon-mlir .*version v1\.30\.6, ready/);
  });

  it('Run on Several Contexts runs the block on each picked context, one timeline entry each', async () => {
    const win = vscode.window as { showQuickPick: typeof vscode.window.showQuickPick };
    const original = win.showQuickPick;
    win.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
      const list = await items;
      return options?.canPickMany ? list : list[0];
    }) as unknown as typeof vscode.window.showQuickPick;
    let entries: (TimelineEntry | undefined)[] | undefined;
    try {
      entries = await vscode.commands.executeCommand('runbookLens.runOnContexts', vscode.Uri.file(path.join(workspaceRoot(), runbookRel)), 1);
    } finally {
      win.showQuickPick = original;
    }
    assert.equal(entries?.length, 2);
    const byContext = Object.fromEntries(entries!.map((e) => [e!.target!.context, e!]));
    assert.equal((byContext['staging'].output ?? '').split('\n').filter((l) => l.startsWith('pod/')).length, 2);
    assert.equal((byContext['prod-eu'].output ?? '').split('\n').filter((l) => l.startsWith('pod/')).length, prodPods().length);
    assert.notEqual(byContext['staging'].id, byContext['prod-eu'].id);
  });

  it('refuses a run whose context no longer exists, and says so in the timeline', async () => {
    await service.choose({ context: 'prod-us', cluster: 'prod-us', namespace: 'photon-mlir' });
    const requests = staging.requests.length + prod.requests.length;
    const entry = await runBlock(vscode.Uri.file(path.join(workspaceRoot(), runbookRel)), 1);
    assert.equal(entry, undefined, 'nothing ran');
    assert.equal(staging.requests.length + prod.requests.length, requests, 'no cluster was contacted');
    const note = readTimeline(incident).at(-1)!;
    assert.equal(note.kind, 'note');
    assert.match(note.text ?? '', /^Run refused, cannot target prod-us\/photon-mlir: Context "prod-us" no longer exists in the kubeconfig .*Known contexts: staging, prod-eu\.$/);
  });
});
