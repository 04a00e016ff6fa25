import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeCluster, writeFakeKubeconfig, objects } from '../../test/support/fakeCluster';
import { fakeTls } from '../../test/support/fakeCluster/tlsMaterial';
import { startPrometheus } from '../../test/harness/monitoringServers';
import { loadTarget } from '../../src/core/kube/loadTarget';
import { connect } from '../../src/core/kube/connection';
import { startServiceProxy } from '../../src/core/kube/serviceProxy/startServiceProxy';
import type { Figure, FigureResult } from '../figure';
import { wideSpread } from '../figure';
import { timeIt, timePair } from '../measure';

const QUERY = '/api/v1/query?query=up';

/** One GET, fresh connection each time (what curl in a block does), body read to the end. */
function get(url: string, options: https.RequestOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = (u.protocol === 'https:' ? https : http).request(u, { agent: false, ...options }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

export const serviceProxyGet: Figure = {
  id: 'service-proxy-get',
  async run(): Promise<FigureResult> {
    const prom = await startPrometheus();
    const cluster = await startFakeCluster({
      name: 'bench', objects: [objects.namespace('monitoring'), objects.service('monitoring', 'prometheus', { clusterIP: '10.96.0.9', port: 9090, selector: { app: 'prometheus' } })],
      tokens: { 'bench-token': { name: 'bench' } }, serviceEndpoints: { 'monitoring/prometheus': prom.url },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-proxy-'));
    try {
      const file = writeFakeKubeconfig(path.join(dir, 'config'), [{ context: 'bench', server: cluster.url, namespace: 'monitoring', token: 'bench-token' }]);
      const { merged, target } = loadTarget({ kubeconfig: [file], context: 'bench' });
      const proxy = await startServiceProxy(await connect(merged, target));
      const viaProxy = () => get(`http://127.0.0.1:${proxy.port}`, {
        path: `http://prometheus:9090${QUERY}`, headers: { host: 'prometheus:9090', 'proxy-authorization': `Basic ${Buffer.from(`runbook-lens:${proxy.token}`).toString('base64')}` },
      });
      try {
        const [ours, base] = await timePair(viaProxy, () => get(`${prom.url}${QUERY}`), { warmup: 3, runs: 21 });
        // One API-server round trip as a client makes it: a new TLS connection and an authenticated GET.
        const rtt = await timeIt(() => get(`${cluster.url}/version`, { ca: fakeTls.ca, headers: { authorization: 'Bearer bench-token' } }), { warmup: 3, runs: 21 });
        const limit = 1.5 * base.median + rtt.median;
        return {
          id: this.id,
          figure: 'A proxied in-cluster GET (curl http://prometheus:9090/…, through the run proxy and the API server service proxy)',
          baseline: 'a direct GET to the same Prometheus',
          value: ours.median, baselineValue: base.median, unit: 'ms', ratio: ours.median / base.median,
          target: '≤ 1.5× plus one API-server round trip', met: ours.median <= limit, spread: wideSpread(ours, base, rtt),
          note: `one API-server round trip (new TLS connection, GET /version): ${rtt.median.toFixed(2)} ms; limit ${limit.toFixed(2)} ms`,
        };
      } finally {
        await proxy.close();
      }
    } finally {
      await Promise.all([cluster.close(), prom.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
