import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import axios from 'axios';
import bcrypt from 'bcryptjs';
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../src/core/incident/types';
import type { QueryView } from '../../src/core/integrations/queryView';
import { startAlertmanager, startPrometheus, type RunningServer } from '../harness/monitoringServers';
import { startEventsReceiver, type EventsReceiver } from '../harness/eventsReceiver';
import { lensTitles, openRunbook, readTimeline, startIncident, waitFor, withSettings, workspaceRoot, workspaceUri } from './support';

const RUNBOOK = 'fixtures/promql.md';
const PD_KEY = 'R0UTINGKEYforTHEsuite0123456789a';

describe('observability: promql blocks, alerts and PagerDuty against real servers', function () {
  this.timeout(60_000);
  let prom: RunningServer;
  let authProm: RunningServer;
  let am: RunningServer;
  let pd: EventsReceiver;
  let incident: string;
  const password = `pw-${Date.now()}`;

  before(async () => {
    const started = await Promise.allSettled([
      startPrometheus(),
      startPrometheus({ basicAuth: { username: 'oncall', password, passwordHash: bcrypt.hashSync(password, 4) } }),
      startAlertmanager(),
      startEventsReceiver(PD_KEY),
    ]);
    [prom, authProm, am, pd] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as [RunningServer, RunningServer, RunningServer, EventsReceiver];
    const failed = started.find((s) => s.status === 'rejected');
    if (failed && failed.status === 'rejected') throw failed.reason;
    incident = await startIncident('extension-host suite: observability');
  });
  after(async () => {
    await Promise.all([prom?.stop(), authProm?.stop(), am?.stop(), pd?.close()]);
  });

  it('shows ▶ Query lenses on promql blocks, numbered with the shell blocks', async () => {
    const uri = workspaceUri(RUNBOOK);
    await openRunbook(RUNBOOK);
    const lenses = await waitFor('query lenses', async () => {
      const l = await lensTitles(uri);
      return l.some((x) => x.title.startsWith('▶ Query')) ? l : undefined;
    });
    const query = lenses.filter((l) => l.title.startsWith('▶ Query'));
    assert.deepEqual(query.map((l) => [l.line, l.title]), [[4, '▶ Query'], [10, '▶ Query (range 20s, step 2s)'], [16, '▶ Query']]);
    assert.deepEqual(query.map((l) => l.command?.arguments?.[1]), [1, 2, 3]);
    assert.ok(!lenses.some((l) => [4, 10, 16].includes(l.line) && l.title.startsWith('▶ Run')), 'no shell Run lens on a query');
    assert.ok(lenses.some((l) => l.line === 22 && l.title.startsWith('▶ Run')), 'the bash block keeps its Run lens');
  });

  it('runs an instant query with a placeholder, records it and shows the table', async () => {
    await withSettings({ 'prometheus.defaultUrl': prom.url }, async () => {
      const entry = await vscode.commands.executeCommand<TimelineEntry>('runbookLens.runQuery', workspaceUri(RUNBOOK), 1, { vars: { job: 'prometheus' } });
      assert.ok(entry, 'runQuery returns the entry');
      assert.equal(entry.kind, 'query');
      assert.equal(entry.status, 'ok');
      assert.equal(entry.command, 'up{job="prometheus"}');
      assert.equal(entry.runbook, RUNBOOK);
      assert.equal(entry.block, 1);
      assert.match(entry.output ?? '', /^1 series \(vector\); top values: up\{instance="127\.0\.0\.1:\d+", job="prometheus"\} = 1$/);
      const recorded = readTimeline(incident).find((e) => e.id === entry.id);
      assert.ok(recorded);
      const full = JSON.parse(fs.readFileSync(path.join(incident, entry.outputFile!), 'utf8'));
      assert.equal(full.result[0].value[1], '1');
      const view = await vscode.commands.executeCommand<QueryView>('runbookLens.showQueryResult');
      assert.equal(view.rows.length, 1);
      assert.equal(view.rows[0].value, '1');
      assert.equal(view.entryId, entry.id);
      const lenses = await lensTitles(workspaceUri(RUNBOOK));
      assert.ok(lenses.some((l) => l.line === 4 && /^✓ 1 series · /.test(l.title)), lenses.map((l) => `${l.line}:${l.title}`).join(' | '));
    });
  });

  it('runs a range block through ▶ Run too (the run command hands queries over) and charts it', async () => {
    await withSettings({ 'prometheus.defaultUrl': prom.url }, async () => {
      const entry = await vscode.commands.executeCommand<TimelineEntry>('runbookLens.runBlock', workspaceUri(RUNBOOK), 2);
      assert.ok(entry);
      assert.equal(entry.queryMode, 'range');
      assert.equal(entry.range, '20s');
      assert.equal(entry.step, '2s');
      const view = await vscode.commands.executeCommand<QueryView>('runbookLens.showQueryResult');
      assert.equal(view.resultType, 'matrix');
      assert.equal(view.chart?.series.length, 1);
      assert.ok((view.chart?.series[0].points.length ?? 0) >= 1);
    });
  });

  it('without a Prometheus URL, says so and records nothing', async () => {
    const before = readTimeline(incident).length;
    const entry = await vscode.commands.executeCommand<TimelineEntry | undefined>('runbookLens.runQuery', workspaceUri(RUNBOOK), 2);
    assert.equal(entry, undefined);
    assert.equal(readTimeline(incident).length, before);
  });

  it('records a bad query with Prometheus\' own error', async () => {
    await withSettings({ 'prometheus.defaultUrl': prom.url }, async () => {
      const entry = await vscode.commands.executeCommand<TimelineEntry>('runbookLens.runQuery', workspaceUri(RUNBOOK), 3);
      assert.equal(entry.status, 'failed');
      assert.match(String(entry.error), /bad_data: .*unclosed left parenthesis/);
      const view = await vscode.commands.executeCommand<QueryView>('runbookLens.showQueryResult');
      assert.match(view.error ?? '', /bad_data/);
    });
  });

  it('gets 401 without credentials and results with basic auth from SecretStorage', async () => {
    await withSettings({ 'prometheus.defaultUrl': authProm.url }, async () => {
      const denied = await vscode.commands.executeCommand<TimelineEntry>('runbookLens.runQuery', workspaceUri(RUNBOOK), 2);
      assert.equal(denied.status, 'failed');
      assert.match(String(denied.error), /needs valid credentials \(HTTP 401 Unauthorized\)/);
      await vscode.commands.executeCommand('runbookLens.setPrometheusCredentials', { url: authProm.url, auth: { kind: 'basic', username: 'oncall', password } });
      const allowed = await vscode.commands.executeCommand<TimelineEntry>('runbookLens.runQuery', workspaceUri(RUNBOOK), 2);
      assert.equal(allowed.status, 'ok', String(allowed.error));
      assert.ok(!fs.readFileSync(path.join(incident, 'timeline.jsonl'), 'utf8').includes(password), 'the password is never written');
    });
  });

  it('imports firing alerts, sets detected at startsAt, and opens the alert\'s runbook from the workspace', async () => {
    const startsAt = new Date(Date.now() - 9 * 60_000).toISOString();
    const runbookUrl = 'https://github.com/openshift/runbooks/blob/master/alerts/photon/PhotonCompilerDown.md#diagnosis';
    await axios.post(`${am.url}/api/v2/alerts`, [{
      labels: { alertname: 'PhotonCompilerDown', severity: 'critical', namespace: 'photon-mlir' },
      annotations: { summary: 'photon-compiler has no ready pods', runbook_url: runbookUrl },
      startsAt, endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    }]);
    await withSettings({ 'alertmanager.url': am.url }, async () => {
      const result = await vscode.commands.executeCommand<{ added: TimelineEntry[]; detected?: string }>('runbookLens.importAlerts', { pick: ['PhotonCompilerDown'], detected: true });
      assert.equal(result.added.length, 1);
      assert.equal(result.detected, startsAt);
      const saved = JSON.parse(fs.readFileSync(path.join(incident, 'incident.json'), 'utf8'));
      assert.equal(saved.milestones.detected, startsAt);
      assert.ok(readTimeline(incident).some((e) => e.kind === 'milestone' && e.milestone === 'detected' && e.time === startsAt));

      const rel = 'fixtures/alerts/photon/PhotonCompilerDown.md';
      fs.mkdirSync(path.dirname(path.join(workspaceRoot(), rel)), { recursive: true });
      fs.writeFileSync(path.join(workspaceRoot(), rel), '# PhotonCompilerDown\n\n## Overview\n\ntext\n\n## Diagnosis\n\n```bash\nkubectl get pods\n```\n');
      const opened = await vscode.commands.executeCommand<{ kind: string; path?: string }>('runbookLens.openRunbookForAlert', { runbook_url: runbookUrl });
      assert.deepEqual(opened, { kind: 'workspace', path: rel });
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.fsPath, path.join(workspaceRoot(), rel));
      assert.equal(editor?.selection.active.line, 6, 'the #diagnosis heading is revealed');
    });
  });

  it('acknowledges and resolves in PagerDuty, recorded with milestones', async () => {
    await withSettings({ 'pagerduty.eventsUrl': pd.url }, async () => {
      await vscode.commands.executeCommand('runbookLens.setPagerDutyKey', PD_KEY);
      const ack = await vscode.commands.executeCommand<{ ok: boolean; milestone?: { name: string; set: boolean } }>('runbookLens.pagerdutyAcknowledge', { dedupKey: 'photon-99' });
      assert.equal(ack.ok, true);
      assert.deepEqual(ack.milestone && [ack.milestone.name, ack.milestone.set], ['acknowledged', true]);
      const res = await vscode.commands.executeCommand<{ ok: boolean }>('runbookLens.pagerdutyResolve', { dedupKey: 'photon-99' });
      assert.equal(res.ok, true);
    });
    assert.deepEqual(pd.received.map((r) => r.body), [
      { routing_key: PD_KEY, event_action: 'acknowledge', dedup_key: 'photon-99' },
      { routing_key: PD_KEY, event_action: 'resolve', dedup_key: 'photon-99' },
    ]);
    const saved = JSON.parse(fs.readFileSync(path.join(incident, 'incident.json'), 'utf8'));
    assert.ok(saved.milestones.acknowledged && saved.milestones.resolved);
    const pdEntries = readTimeline(incident).filter((e) => e.channel === 'pagerduty');
    assert.equal(pdEntries.length, 2);
    assert.ok(!fs.readFileSync(path.join(incident, 'timeline.jsonl'), 'utf8').includes(PD_KEY), 'the routing key is never written');
  });
});
