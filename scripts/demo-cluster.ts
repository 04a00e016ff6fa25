/**
 * The local demo cluster: a SIMULATED Kubernetes API (not a real cluster) filled with the
 * objects of the reference runbook, plus a kubeconfig with two contexts, demo-staging and
 * demo-prod, each on its own simulated API server.
 *
 *   node --import tsx scripts/demo-cluster.ts --port 0 --kubeconfig-out PATH
 *
 * Prints the kubeconfig path and the server URLs, then runs until killed.
 * `--port N` puts staging on N and prod on N+1 (0 = random free ports).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeCluster, writeFakeKubeconfig, type FakeCluster } from '../test/support/fakeCluster';
import { photonFixture } from '../test/support/fakeCluster/photonFixture';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, 'kubeconfig-out': { type: 'string', default: '.demo/kubeconfig' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65534) throw new Error(`--port must be a port number, got "${values.port}"`);
  const out = path.resolve(values['kubeconfig-out']!);
  const clusters: FakeCluster[] = [
    await startFakeCluster(photonFixture('staging', { tokens: { 'demo-staging-token': { name: 'oncall@demo' } } }), { port: port === 0 ? 0 : port }),
    await startFakeCluster(photonFixture('prod', { tokens: { 'demo-prod-token': { name: 'oncall@demo' } } }, { podStates: true }), { port: port === 0 ? 0 : port + 1 }),
  ];
  fs.mkdirSync(path.dirname(out), { recursive: true });
  writeFakeKubeconfig(out, [
    { context: 'demo-staging', cluster: 'demo-staging', user: 'demo-staging-user', server: clusters[0].url, namespace: 'photon-mlir', token: 'demo-staging-token', simulated: true },
    { context: 'demo-prod', cluster: 'demo-prod', user: 'demo-prod-user', server: clusters[1].url, namespace: 'photon-mlir', token: 'demo-prod-token', simulated: true },
  ], 'demo-staging');
  const info = { kubeconfig: out, contexts: { 'demo-staging': clusters[0].url, 'demo-prod': clusters[1].url }, simulated: true };
  if (values.json) process.stdout.write(JSON.stringify(info) + '\n');
  else {
    process.stdout.write(`Simulated Kubernetes API (a stand-in for a real cluster, not a real one)\n`);
    process.stdout.write(`  demo-staging  ${clusters[0].url}\n  demo-prod     ${clusters[1].url}\n`);
    process.stdout.write(`KUBECONFIG=${out}\n`);
  }
  const stop = () => {
    void Promise.all(clusters.map((c) => c.close())).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`demo-cluster: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
