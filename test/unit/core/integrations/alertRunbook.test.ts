import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolveRunbookUrl } from '../../../../src/core/integrations/alertRunbook';
import { describeAlert, type Alert } from '../../../../src/core/integrations/alertmanagerClient';

const files = [
  'runbooks/alerts/cluster-monitoring-operator/KubePodCrashLooping.md',
  'runbooks/alerts/other-operator/KubePodCrashLooping.md',
  'runbooks/alerts/cluster-etcd-operator/etcdGRPCRequestsSlow.md',
  'docs/incident-response.md',
];

test('a runbook_url leads to the workspace runbook whose path ends the same way', () => {
  const url = 'https://github.com/openshift/runbooks/blob/master/alerts/cluster-monitoring-operator/KubePodCrashLooping.md';
  assert.deepEqual(resolveRunbookUrl(url, files), { kind: 'workspace', paths: [files[0]], fragment: undefined });
  assert.deepEqual(resolveRunbookUrl('https://runbooks.example/alerts/cluster-etcd-operator/etcdGRPCRequestsSlow.html#diagnosis', files), {
    kind: 'workspace', paths: [files[2]], fragment: 'diagnosis',
  });
});

test('equally good matches are all offered; no match goes to the web', () => {
  assert.deepEqual(resolveRunbookUrl('https://wiki.example/KubePodCrashLooping', files), { kind: 'workspace', paths: [files[0], files[1]], fragment: undefined });
  assert.deepEqual(resolveRunbookUrl('https://wiki.example/runbooks/NodeDown', files), { kind: 'web', url: 'https://wiki.example/runbooks/NodeDown' });
  assert.deepEqual(resolveRunbookUrl('docs/incident-response.md', files), { kind: 'workspace', paths: [files[3]], fragment: undefined });
  assert.equal(resolveRunbookUrl(undefined, files).kind, 'none');
  assert.equal(resolveRunbookUrl('NodeDown.md', files).kind, 'none');
});

test('alerts are described on one line', () => {
  const alert: Alert = {
    fingerprint: 'f', labels: { alertname: 'KubePodCrashLooping', severity: 'warning', namespace: 'shop', pod: 'web-1' },
    annotations: { summary: 'Pod is crash looping.\nMore text' }, startsAt: '2026-01-01T00:00:00Z',
    status: { state: 'active', silencedBy: [], inhibitedBy: [] }, receivers: [],
  };
  assert.equal(describeAlert(alert), 'KubePodCrashLooping [warning] (namespace=shop, pod=web-1): Pod is crash looping.');
});
