import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { KubeConnection } from '../connection';
import { ApiAgent } from './apiAgent';
import { forwardToService, serviceProxyPath } from './apiForward';
import { DEFAULT_CLUSTER_DOMAIN, serviceRefOf } from './hostNames';
import { badGateway, passThroughRequest, passThroughTunnel } from './passThrough';
import { carriesToken, newProxyToken } from './proxyToken';
import { ServiceCallLog, type ServiceCall } from './serviceCalls';
import { ServiceLookup, type FoundService } from './serviceLookup';
import { staysInService } from './servicePath';
import { TlsTerminator } from './tlsTerminate';

export interface ServiceProxyOptions {
  /** The cluster's DNS domain (`cluster.local` unless the cluster was set up otherwise). */
  clusterDomain?: string;
  /** Deadline of each Service look-up. */
  lookupTimeoutMs?: number;
  /** Secret placeholder values of the run: masked in the recorded paths. */
  secrets?: string[];
}

/** A proxy on 127.0.0.1 for one run: in-cluster names through the API server, the rest directly. */
export interface ServiceProxy {
  /** `http://runbook-lens:TOKEN@127.0.0.1:PORT` */
  url: string;
  port: number;
  token: string;
  /** http_proxy, HTTP_PROXY, https_proxy, HTTPS_PROXY for the block, and RUNBOOK_LENS_PROXY_CA. */
  env: Record<string, string>;
  /** The Service `host` names, if it is one (looked up once per run). */
  serviceFor(host: string): Promise<FoundService | undefined>;
  serviceCalls(): ServiceCall[];
  /** Problems worth telling the user (refusals, failed look-ups), each once. */
  notes(): string[];
  /** Stops listening and cuts every connection; safe to call twice. */
  close(): Promise<void>;
}

const PROXY_USER = 'runbook-lens';

export async function startServiceProxy(conn: KubeConnection, options: ServiceProxyOptions = {}): Promise<ServiceProxy> {
  const token = newProxyToken();
  const lookup = new ServiceLookup(conn, options.lookupTimeoutMs);
  const log = new ServiceCallLog(options.secrets);
  const pool = new ApiAgent();
  const notes: string[] = [];
  const note = (text: string) => { if (!notes.includes(text)) notes.push(text); };
  const sockets = new Set<Duplex>();
  const track = (s: Duplex) => { sockets.add(s); s.once('close', () => sockets.delete(s)); };

  const serviceFor = async (host: string): Promise<FoundService | undefined> => {
    const ref = serviceRefOf(host, conn.target.namespace, options.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN);
    if (!ref) return undefined;
    const found = await lookup.find(ref);
    if (found.problem) note(`could not look up ${host} as a Service (${found.problem}); sent it directly`);
    return found.service;
  };

  /** An absolute-form request (http:// or https://), or one that came through a terminated CONNECT. */
  const serve = async (req: http.IncomingMessage, res: http.ServerResponse, target: URL, svc?: FoundService) => {
    const service = svc ?? await serviceFor(target.hostname);
    if (!service) return passThroughRequest(req, res, target);
    const scheme = target.protocol === 'https:' ? 'https' : 'http';
    const port = Number(target.port) || (scheme === 'https' ? 443 : 80);
    const pathAndQuery = target.pathname + target.search;
    if (!staysInService(target.pathname)) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`runbook-lens proxy: refusing ${target.host}${target.pathname}: once decoded, that path leaves the Service (encoded slash or dot segment)\n`);
      return;
    }
    const key = `${service.namespace}/${scheme === 'https' ? 'https:' : ''}${service.name}:${port}`;
    try {
      const r = await forwardToService(conn, req, res, service, serviceProxyPath(service, scheme, port, pathAndQuery), pool);
      if (r.problem) note(`${target.host}: ${r.problem}`);
      log.record(key, r.status, pathAndQuery, r.problem);
    } catch (err) {
      const why = `cannot reach the API server of context ${conn.target.context} for ${key}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      note(why);
      log.record(key, 0, pathAndQuery, why);
      badGateway(res, why);
    }
  };

  const tls = new TlsTerminator(newProxyToken().slice(0, 8), (req, res, target, svc) => void serve(req, res, target, svc), track);

  const server = http.createServer((req, res) => {
    if (!carriesToken(req.headers, token)) return refuse(res);
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      target = new URL('invalid:');
    }
    // https:// in absolute form is what some clients (axios) send a proxy instead of CONNECT.
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('runbook-lens proxy: only http:// and https:// URLs are proxied\n');
      return;
    }
    void serve(req, res, target);
  });
  server.on('connect', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    track(socket);
    socket.on('error', () => socket.destroy());
    if (!carriesToken(req.headers, token)) {
      socket.end(`HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm="runbook-lens"\r\nconnection: close\r\n\r\n`);
      return;
    }
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(req.url ?? '');
    if (!m) {
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
      return;
    }
    const host = m[1].replace(/^\[|\]$/g, '');
    const port = Number(m[2]);
    void serviceFor(host)
      .then((svc) => (svc ? tls.terminate(socket, head, host, port, svc) : passThroughTunnel(socket, head, host, port)))
      .catch(() => socket.destroy());
  });
  server.on('connection', (s: Socket) => {
    // It listens on 127.0.0.1 only; this is the second lock on the door.
    if (!isLoopback(s.remoteAddress)) {
      s.destroy();
      return;
    }
    track(s);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${PROXY_USER}:${token}@127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    token,
    env: { http_proxy: url, HTTP_PROXY: url, https_proxy: url, HTTPS_PROXY: url, RUNBOOK_LENS_PROXY_CA: tls.caFile },
    serviceFor,
    serviceCalls: () => log.list(),
    notes: () => [...notes],
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        tls.dispose();
        pool.destroy();
      });
      return closed;
    },
  };
}

function refuse(res: http.ServerResponse): void {
  res.writeHead(407, { 'proxy-authenticate': 'Basic realm="runbook-lens"', 'content-type': 'text/plain', connection: 'close' })
    .end('runbook-lens proxy: this proxy serves one run only and needs its token (the proxy URL in the block\'s environment carries it)\n');
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || /^127\./.test(a);
}
