/**
 * Real Prometheus and Alertmanager (Debian's `prometheus` and `prometheus-alertmanager`) on
 * 127.0.0.1 with free ports and temporary storage, for integration tests. Missing binaries are a
 * failure, never a skip: the tests are meant to run against the real servers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import axios from 'axios';
import { freePort } from './freePort';

export interface RunningServer {
  url: string;
  port: number;
  dir: string;
  /** Last lines the server logged (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export function requireBinary(name: string, pkg: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) {
    throw new Error(`${name} is not installed: install the Debian package ${pkg} (apt-get install -y prometheus prometheus-alertmanager); .ci/run does this on CI`);
  }
  return found;
}

async function startProcess(bin: string, args: string[], dir: string, port: number, readyPath: string, auth?: { username: string; password: string }): Promise<RunningServer> {
  const child: ChildProcess = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let logText = '';
  const keep = (b: Buffer) => { logText = (logText + b.toString()).slice(-4000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    port,
    dir,
    log: () => logText,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exitPromise;
        clearTimeout(killer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited) {
      await server.stop();
      throw new Error(`${path.basename(bin)} exited during start-up:\n${logText}`);
    }
    const ok = await axios.get(`${url}${readyPath}`, { timeout: 1000, auth, validateStatus: () => true }).then((r) => r.status === 200, () => false);
    if (ok) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${path.basename(bin)} did not become ready on ${url} within 10 s:\n${logText}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface PrometheusOptions {
  /** Require basic auth: the web config holds the bcrypt hash of this password. */
  basicAuth?: { username: string; passwordHash: string; password: string };
}

/** Prometheus scraping itself every second; resolves once `up` has a sample. */
export async function startPrometheus(opts: PrometheusOptions = {}): Promise<RunningServer> {
  const bin = requireBinary('prometheus', 'prometheus');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-prom-'));
  const port = await freePort();
  const scrapeAuth = opts.basicAuth ? `\n    basic_auth: { username: ${JSON.stringify(opts.basicAuth.username)}, password: ${JSON.stringify(opts.basicAuth.password)} }` : '';
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), `global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ['127.0.0.1:${port}']${scrapeAuth}
`);
  const args = [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ];
  if (opts.basicAuth) {
    fs.writeFileSync(path.join(dir, 'web.yml'), `basic_auth_users:\n  ${opts.basicAuth.username}: ${JSON.stringify(opts.basicAuth.passwordHash)}\n`);
    args.push(`--web.config.file=${path.join(dir, 'web.yml')}`);
  }
  const auth = opts.basicAuth ? { username: opts.basicAuth.username, password: opts.basicAuth.password } : undefined;
  const server = await startProcess(bin, args, dir, port, '/-/ready', auth);
  // Wait for the first self-scrape so `up` answers.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await axios.get(`${server.url}/api/v1/query`, { params: { query: 'up' }, auth, timeout: 2000 }).catch(() => undefined);
    if (res?.data?.data?.result?.length) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`Prometheus on ${server.url} has no sample of up after 10 s:\n${server.log()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Alertmanager with a do-nothing receiver; clustering off so it binds nothing but its loopback port. */
export async function startAlertmanager(): Promise<RunningServer> {
  const bin = requireBinary('prometheus-alertmanager', 'prometheus-alertmanager');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-am-'));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), `route:
  receiver: blackhole
  group_wait: 1s
receivers:
  - name: blackhole
`);
  return startProcess(bin, [
    `--config.file=${path.join(dir, 'alertmanager.yml')}`,
    `--storage.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
    '--log.level=warn',
  ], dir, port, '/-/ready');
}
