import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startFakeCluster, writeFakeKubeconfig, objects, type FakeCluster } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { startPrometheus, type RunningServer } from '../harness/monitoringServers';
import type { KubeTargetService } from '../../src/extension/kube/targetService';
import type { TimelineEntry } from '../../src/core/incident/types';
import { EXTENSION_ID, runBlock, startIncident, workspaceRoot } from './support';

describe('in-cluster addresses (service proxy)', () => {
  let cluster: FakeCluster;
  let prom: RunningServer;
  let tmp = '';
  let service: KubeTargetService;
  const runbookRel = 'service-proxy.md';
  const uri = () => vscode.Uri.file(path.join(workspaceRoot(), runbookRel));
  const config = () => vscode.workspace.getConfiguration('runbookLens');

  before(async () => {
    prom = await startPrometheus();
    const fixture = photonFixture('prod', { tokens: { 'p-token': { name: 'sre' } }, serviceEndpoints: { 'monitoring/prometheus': prom.url } });
    const svc = objects.service('monitoring', 'prometheus', { clusterIP: '10.96.50.9', port: 9090, selector: { app: 'prometheus' } });
    cluster = await startFakeCluster({ ...fixture, objects: [...fixture.objects, objects.namespace('monitoring'), svc] });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-vscode-proxy-'));
    const kubeconfig = writeFakeKubeconfig(path.join(tmp, 'config'), [{ context: 'prod-eu', server: cluster.url, namespace: 'monitoring', token: 'p-token' }], 'prod-eu');
    fs.writeFileSync(path.join(workspaceRoot(), runbookRel), [
      '# Proxy', '',
      '```bash', "curl -s 'http://prometheus:9090/api/v1/query?query=up'", '```', '',
      '```bash { serviceProxy=false }', 'echo "proxy=${http_proxy:-none}"', '```', '',
      '```promql', 'up', '```', '',
      '```bash', 'echo "T=${http_proxy#*runbook-lens:}"', '```', '',
    ].join('\n'));
    await config().update('kubeconfig', [kubeconfig], vscode.ConfigurationTarget.Workspace);
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { services: { target?: unknown } };
    service = api.services.target as KubeTargetService;
    await new Promise((r) => setTimeout(r, 200)); // configuration change → reload
    await service.choose({ context: 'prod-eu', cluster: 'prod-eu', namespace: 'monitoring' });
    await startIncident('extension-host suite: service proxy');
  });

  after(async () => {
    await service?.forget();
    await config().update('kubeconfig', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('cluster.serviceProxy', undefined, vscode.ConfigurationTarget.Workspace);
    await Promise.all([cluster?.close(), prom?.stop()]);
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(path.join(workspaceRoot(), runbookRel), { force: true });
  });

  it('▶ Run: curl http://prometheus:9090 gets Prometheus\' answer through the API server; the entry records serviceCalls', async () => {
    const entry = await runBlock(uri(), 1);
    assert.ok(entry, 'recorded');
    assert.equal(entry.exitCode, 0, entry.output);
    assert.equal((JSON.parse(entry.output ?? '{}') as { status?: string }).status, 'success', entry.output);
    assert.deepEqual(entry.serviceCalls, [{ service: 'monitoring/prometheus:9090', requests: 1, status: [200], paths: ['/api/v1/query?query=up'] }]);
  });

  it('{ serviceProxy=false } and the setting turned off leave the environment as it was', async () => {
    assert.equal((await runBlock(uri(), 2))?.output, 'proxy=none\n');
    await config().update('cluster.serviceProxy', false, vscode.ConfigurationTarget.Workspace);
    try {
      const entry = await runBlock(uri(), 1);
      assert.notEqual(entry?.exitCode, 0, 'prometheus does not resolve without the proxy');
      assert.equal(entry?.serviceCalls, undefined);
    } finally {
      await config().update('cluster.serviceProxy', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('the proxy token is masked where the block prints it', async () => {
    const entry = await runBlock(uri(), 4);
    assert.match(entry?.output ?? '', /^T=\[REDACTED:[a-z-]+\]@127\.0\.0\.1:\d+\n$/);
  });

  it('▶ Query with no Prometheus URL set finds the cluster\'s Prometheus Service and says so', async () => {
    const entry = await vscode.commands.executeCommand<TimelineEntry>('runbookLens.runQuery', uri(), 3);
    assert.ok(entry, 'recorded');
    assert.equal(entry.status, 'ok', entry.error as string | undefined);
    assert.equal(entry.prometheusService, 'monitoring/prometheus:9090');
    assert.equal(entry.prometheus, 'http://prometheus.monitoring:9090');
  });
});
