import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import axios from 'axios';
import { listActiveAlerts, describeAlert } from '../../src/core/integrations/alertmanagerClient';
import { recordAlert } from '../../src/core/integrations/alertRecord';
import { resolveRunbookUrl } from '../../src/core/integrations/alertRunbook';
import { startIncident, markMilestone } from '../../src/core/incident/lifecycle';
import { readIncident } from '../../src/core/incident/incidentStore';
import { readTimeline } from '../../src/core/incident/timeline';
import { startAlertmanager, type RunningServer } from '../harness/monitoringServers';
import { freePort } from '../harness/freePort';
import { cliFromSource } from '../harness/cliFromSource';

const RUNBOOK_URL = 'https://github.com/openshift/runbooks/blob/master/alerts/cluster-monitoring-operator/KubePodCrashLooping.md';
let am: RunningServer;
let root: string;
const crashStart = new Date(Date.now() - 7 * 60_000);
const nodeStart = new Date(Date.now() - 2 * 60_000);

before(async () => {
  am = await startAlertmanager();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-am-inc-'));
  const future = new Date(Date.now() + 3_600_000).toISOString();
  await axios.post(`${am.url}/api/v2/alerts`, [
    {
      labels: { alertname: 'KubePodCrashLooping', severity: 'warning', namespace: 'photon-mlir', pod: 'photon-compiler-0' },
      annotations: { summary: 'Pod is crash looping.', runbook_url: RUNBOOK_URL },
      startsAt: crashStart.toISOString(), endsAt: future, generatorURL: 'http://prometheus.local/graph?g0.expr=up',
    },
    {
      labels: { alertname: 'NodeNotReady', severity: 'critical', node: 'worker-3' },
      annotations: { description: 'Node worker-3 is not ready.' },
      startsAt: nodeStart.toISOString(), endsAt: future,
    },
    {
      // Already resolved: not active, so not imported.
      labels: { alertname: 'OldResolved', severity: 'info' },
      startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() - 1_800_000).toISOString(),
    },
  ]);
});
after(async () => {
  await am?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test('reads the active alerts from a real Alertmanager (API v2), newest first', async () => {
  const alerts = await listActiveAlerts({ baseUrl: am.url });
  assert.deepEqual(alerts.map((a) => a.labels.alertname), ['NodeNotReady', 'KubePodCrashLooping']);
  const crash = alerts[1];
  assert.equal(Date.parse(crash.startsAt), crashStart.getTime());
  assert.equal(crash.annotations.runbook_url, RUNBOOK_URL);
  assert.match(crash.fingerprint, /^[0-9a-f]{16}$/);
  assert.ok(['active', 'unprocessed'].includes(crash.status.state), crash.status.state);
  assert.equal(describeAlert(crash), 'KubePodCrashLooping [warning] (namespace=photon-mlir, pod=photon-compiler-0): Pod is crash looping.');
});

test('imported alerts land in the timeline; detected can be set at the alert\'s startsAt', async () => {
  const { dir } = await startIncident(root, { title: 'Photon compiler down', severity: 'P1' });
  const [, crash] = await listActiveAlerts({ baseUrl: am.url });
  const entry = await recordAlert(dir, crash, { actor: 'ana', alertmanager: am.url });
  await markMilestone(dir, 'detected', new Date(crash.startsAt), { actor: 'ana' });

  const incident = await readIncident(dir);
  assert.equal(incident.milestones.detected, crashStart.toISOString());
  const { entries } = await readTimeline(dir);
  const got = entries.find((e) => e.id === entry.id);
  assert.ok(got);
  assert.equal(got.kind, 'notification');
  assert.equal(got.channel, 'alertmanager');
  assert.match(got.text ?? '', new RegExp(`^Alert firing since ${crash.startsAt.replace(/[.]/g, '\\.')}: KubePodCrashLooping \\[warning\\]`));
  const alert = got.alert as { name: string; labels: Record<string, string>; annotations: Record<string, string>; fingerprint: string };
  assert.equal(alert.name, 'KubePodCrashLooping');
  assert.equal(alert.fingerprint, crash.fingerprint);
  assert.equal(alert.annotations.runbook_url, RUNBOOK_URL);
  const detected = entries.find((e) => e.kind === 'milestone' && e.milestone === 'detected');
  assert.equal(detected?.time, crashStart.toISOString());
});

test('the alert\'s runbook_url leads to the matching runbook in a workspace', async () => {
  const [, crash] = await listActiveAlerts({ baseUrl: am.url });
  const files = ['runbooks/alerts/cluster-monitoring-operator/KubePodCrashLooping.md', 'runbooks/alerts/other/NodeNotReady.md'];
  assert.deepEqual(resolveRunbookUrl(crash.annotations.runbook_url, files), { kind: 'workspace', paths: [files[0]], fragment: undefined });
  assert.deepEqual(resolveRunbookUrl(crash.annotations.runbook_url, []), { kind: 'web', url: RUNBOOK_URL });
});

test('errors: down, and a server that is not Alertmanager', async () => {
  const port = await freePort();
  await assert.rejects(listActiveAlerts({ baseUrl: `http://127.0.0.1:${port}` }), { message: `cannot reach Alertmanager at http://127.0.0.1:${port}: connection refused (ECONNREFUSED)` });
  const html = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>'));
  await new Promise<void>((r) => html.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(html.address() as import('node:net').AddressInfo).port}`;
  try {
    await assert.rejects(listActiveAlerts({ baseUrl: url }), { message: `Alertmanager at ${url} did not answer like the Alertmanager API v2 (is the URL right?)` });
  } finally {
    html.closeAllConnections();
    await new Promise((r) => html.close(r));
  }
});

test('runbook-lens alerts lists them and adds chosen ones to an incident, setting detected', async () => {
  const list = await cliFromSource(['alerts', '--alertmanager', am.url]);
  assert.equal(list.code, 0, list.stderr);
  const lines = list.stdout.trimEnd().split('\n');
  assert.deepEqual(lines[0].split(/\s+/), ['STARTED', 'SEVERITY', 'STATE', 'FINGERPRINT', 'ALERT']);
  assert.equal(lines.length, 3);
  assert.match(lines[1], /critical .*NodeNotReady \[critical\]: Node worker-3 is not ready\.$/);
  const json = await cliFromSource(['alerts', '--json'], { env: { RUNBOOK_LENS_ALERTMANAGER_URL: am.url } });
  assert.deepEqual((JSON.parse(json.stdout) as { labels: { alertname: string } }[]).map((a) => a.labels.alertname), ['NodeNotReady', 'KubePodCrashLooping']);

  const incident = path.join(root, 'cli-incident');
  const add = await cliFromSource(['alerts', '--alertmanager', am.url, '--incident', incident, '--add', 'KubePodCrashLooping', '--detected']);
  assert.equal(add.code, 0, add.stderr);
  assert.match(add.stderr, /added 1 alert to /);
  assert.equal((await readIncident(incident)).milestones.detected, crashStart.toISOString());
  const { entries } = await readTimeline(incident);
  assert.deepEqual(entries.filter((e) => e.channel === 'alertmanager').map((e) => (e.alert as { name: string }).name), ['KubePodCrashLooping']);

  const unknown = await cliFromSource(['alerts', '--alertmanager', am.url, '--incident', incident, '--add', 'NoSuchAlert']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no active alert named or with fingerprint 'NoSuchAlert'/);
  const port = await freePort();
  const down = await cliFromSource(['alerts', '--alertmanager', `http://127.0.0.1:${port}`]);
  assert.equal(down.code, 1);
  assert.equal(down.stderr, `runbook-lens alerts: cannot reach Alertmanager at http://127.0.0.1:${port}: connection refused (ECONNREFUSED)\n`);
});
