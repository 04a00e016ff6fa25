import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { serviceRefOf } from '../../../../../src/core/kube/serviceProxy/hostNames';

test('the in-cluster forms name a Service, NAME alone in the target namespace', () => {
  const cases: [string, { name: string; namespace: string } | undefined][] = [
    ['prometheus', { name: 'prometheus', namespace: 'photon-mlir' }],
    ['prometheus.monitoring', { name: 'prometheus', namespace: 'monitoring' }],
    ['prometheus.monitoring.svc', { name: 'prometheus', namespace: 'monitoring' }],
    ['prometheus.monitoring.svc.cluster.local', { name: 'prometheus', namespace: 'monitoring' }],
    ['Prometheus-K8s.Openshift-Monitoring.SVC.cluster.local.', { name: 'prometheus-k8s', namespace: 'openshift-monitoring' }],
  ];
  for (const [host, want] of cases) assert.deepEqual(serviceRefOf(host, 'photon-mlir'), want, host);
});

test('other names and addresses are never Service candidates', () => {
  for (const host of ['127.0.0.1', '::1', '[::1]', '10.96.0.1', 'localhost', '', 'prometheus.monitoring.svc.other.domain', 'api.example.com', 'www.example.com',
    'a.b.c.d', '9prometheus', '-x', 'under_score', 'x'.repeat(64), `prom.${'n'.repeat(64)}`]) {
    assert.equal(serviceRefOf(host, 'default'), undefined, host);
  }
});

test('a cluster with its own DNS domain', () => {
  assert.deepEqual(serviceRefOf('grafana.obs.svc.prod.internal', 'default', 'prod.internal'), { name: 'grafana', namespace: 'obs' });
  assert.equal(serviceRefOf('grafana.obs.svc.cluster.local', 'default', 'prod.internal'), undefined);
});
