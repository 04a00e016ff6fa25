import type { FakeClusterFixture } from './server';
import { configMap, deploymentWithPods, event, namespace, node, podInState, podMetrics, secret, service, type KObject } from './objects';

/**
 * The objects the reference runbook (incident-response.md) talks about: namespace
 * photon-mlir, deployment photon-compiler and its pods, services, configmaps db-config and
 * photon-config, secret db-credentials. Staging and prod differ (names, sizes, one crashing pod in prod).
 */
export function photonFixture(flavor: 'staging' | 'prod', extra: Partial<FakeClusterFixture> = {}, options: { podStates?: boolean } = {}): FakeClusterFixture {
  const prod = flavor === 'prod';
  const nodes = prod ? ['prod-eu-node-1', 'prod-eu-node-2', 'prod-eu-node-3'] : ['staging-node-1', 'staging-node-2'];
  const ns = 'photon-mlir';
  const compiler = deploymentWithPods({
    namespace: ns, name: 'photon-compiler', replicas: prod ? 3 : 2, crashing: prod ? 1 : 0, nodes, container: 'compiler',
    image: `registry.example.com/photon/compiler:${prod ? '2.4.1' : '2.5.0-rc1'}`, revision: prod ? 7 : 12,
  });
  const pods = compiler.filter((o) => o.kind === 'Pod');
  const objects: KObject[] = [
    ...['default', 'kube-system', ns, prod ? 'payments' : 'sandbox'].map((n) => namespace(n)),
    ...nodes.map((n, i) => node(n, { ip: `192.168.${prod ? 20 : 10}.${i + 11}`, roles: i === 0 ? ['control-plane'] : ['worker'] })),
    ...compiler,
    service(ns, 'photon-compiler', { clusterIP: prod ? '10.96.20.15' : '10.96.10.15', port: 80, selector: { app: 'photon-compiler' } }),
    service(ns, 'postgres-service', { clusterIP: prod ? '10.96.20.40' : '10.96.10.40', port: 5432, selector: { app: 'postgres' } }),
    configMap(ns, 'db-config', { db_host: `photon-db-${flavor}.example.com`, db_port: '5432' }),
    configMap(ns, 'photon-config', { error_threshold: '5', log_level: 'info' }),
    secret(ns, 'db-credentials', { username: 'photon', password: `simulated-${flavor}-password` }),
    ...pods.map((p, i) => podMetrics(p, `${250 + i * 40}m`, `${700 + i * 64}Mi`)),
    event(compiler[0], 'ScalingReplicaSet', `Scaled up replica set ${compiler[1].metadata.name} to ${prod ? 3 : 2}`),
  ];
  // Pods in the other states `kubectl get pods` shows, for live choices that must tell them apart.
  if (options.podStates) {
    const image = 'registry.example.com/photon/';
    objects.push(
      podInState(ns, 'photon-db-migrate-7q2xk', 'Completed', { image: `${image}migrate:1.8.0`, node: nodes[0], ageMinutes: 95 }),
      podInState(ns, 'photon-indexer-k8v4d', 'ImagePullBackOff', { image: `${image}indexer:9.9.9-missing`, node: nodes[1 % nodes.length], ageMinutes: 14 }),
      podInState(ns, 'photon-cache-warmup-5bd2n', 'ContainerCreating', { image: `${image}cache:3.1.0`, node: nodes[0], ageMinutes: 1 }),
      podInState(ns, 'photon-report-9xk3m', 'Error', { image: `${image}report:0.4.2`, node: nodes[0], ageMinutes: 40, restarts: 0 }),
    );
  }
  if (prod) {
    const crashing = pods[pods.length - 1];
    objects.push(event(crashing, 'BackOff', 'Back-off restarting failed container compiler in pod ' + crashing.metadata.name, 'Warning', 2));
  }
  return { name: `demo-${flavor}`, gitVersion: prod ? 'v1.30.6' : 'v1.31.2', objects, ...extra };
}
