import * as http from 'node:http';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeCluster, writeFakeKubeconfig, objects } from '../../test/support/fakeCluster';
import { kubeconfigSource } from '../../src/core/kube/kubeconfigPaths';
import { loadKubeconfig } from '../../src/core/kube/mergeKubeconfig';
import { connect } from '../../src/core/kube/connection';
import { listObjectNames } from '../../src/core/kube/lookups';
import type { Figure, FigureResult } from '../figure';
import { ratioFigure } from '../figure';
import { timePair } from '../measure';

function rawList(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    }).on('error', reject);
  });
}

export const podListing: Figure = {
  id: 'pods-5000',
  async run(): Promise<FigureResult> {
    const pods = objects.deploymentWithPods({ namespace: 'photon-mlir', name: 'photon-compiler', image: 'photon/compiler:1.0', replicas: 5000, nodes: ['node-1', 'node-2', 'node-3'] });
    const cluster = await startFakeCluster({ name: 'bench', objects: [objects.namespace('photon-mlir'), ...pods] }, { plainHttp: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-kube-'));
    try {
      const file = writeFakeKubeconfig(path.join(dir, 'config'), [{ context: 'bench', server: cluster.url, namespace: 'photon-mlir' }]);
      const merged = loadKubeconfig(kubeconfigSource({ explicit: [file] }));
      const target = { context: 'bench', cluster: 'bench', namespace: 'photon-mlir' };
      const conn = await connect(merged, target);
      const names = await listObjectNames(conn, 'pods');
      if (names.length < 5000) throw new Error(`listed ${names.length} pods, expected 5000`);
      const [ours, base] = await timePair(
        () => listObjectNames(conn, 'pods'),
        () => rawList(`${cluster.url}/api/v1/namespaces/photon-mlir/pods`),
        { warmup: 2, runs: 9 },
      );
      return ratioFigure({ id: this.id, figure: 'Listing 5,000 pods for placeholder choices (loopback API)', baseline: 'a raw HTTP GET and JSON.parse of the same list', limit: 1.5 }, ours, base);
    } finally {
      await cluster.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
