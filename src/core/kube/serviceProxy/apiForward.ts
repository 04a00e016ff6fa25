import * as http from 'node:http';
import * as https from 'node:https';
import type { KubeConnection } from '../connection';
import type { ApiAgent } from './apiAgent';
import type { ServiceRef } from './hostNames';
import { proxyProblem } from './proxyWords';

/** Headers that belong to one hop (RFC 9110 §7.6.1) or to our proxy, never forwarded. */
const HOP_HEADERS = ['connection', 'keep-alive', 'proxy-authorization', 'proxy-authenticate', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host'];

export function forwardableHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  const named = String(headers.connection ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  for (const h of [...HOP_HEADERS, ...named]) delete out[h];
  return out;
}

/** `/api/v1/namespaces/NS/services/[https:]NAME:PORT/proxy/PATH` for a request path with its query. */
export function serviceProxyPath(ref: ServiceRef, scheme: 'http' | 'https', port: number | string, pathAndQuery: string): string {
  const rest = pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`;
  const id = `${scheme === 'https' ? 'https:' : ''}${ref.name}:${port}`;
  return `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/services/${id}/proxy${rest}`;
}

export interface ForwardResult {
  status: number;
  problem?: string;
}

/** Largest API-server Status body read to word a 403/503; the Service's own replies stream. */
const STATUS_BODY_LIMIT = 64 * 1024;

/**
 * Sends one client request through the API server's service proxy with the scoped kubeconfig's
 * credentials (token, client certificate, exec plugin: client-node's applyToHTTPSOptions) and
 * streams the answer back unchanged, so the user's tool prints what it always prints.
 */
export async function forwardToService(conn: KubeConnection, req: http.IncomingMessage, res: http.ServerResponse, ref: ServiceRef, apiPath: string, pool?: ApiAgent): Promise<ForwardResult> {
  const opts: https.RequestOptions = {};
  await conn.kc.applyToHTTPSOptions(opts as never);
  const server = new URL(conn.server);
  const url = new URL(server.pathname.replace(/\/+$/, '') + apiPath, server);
  const client = url.protocol === 'http:' ? http : https;
  // The API server takes Authorization for itself (and drops it before the Service): a block's
  // own token for the Service must not reach the API server as a login attempt.
  const own = forwardableHeaders(req.headers);
  delete own.authorization;
  const headers = { ...own, ...(opts.headers as http.OutgoingHttpHeaders | undefined) };
  return new Promise<ForwardResult>((resolve, reject) => {
    const agent = pool ? pool.for(url.protocol, opts) : opts.agent;
    const out = client.request(url, { method: req.method, agent, auth: opts.auth, headers }, (up) => {
      const status = up.statusCode ?? 502;
      const type = String(up.headers['content-type'] ?? '');
      const upHeaders = forwardableHeaders(up.headers);
      if ((status === 403 || status === 503) && type.includes('json')) {
        const chunks: Buffer[] = [];
        let size = 0;
        up.on('data', (c: Buffer) => { size += c.length; if (size <= STATUS_BODY_LIMIT) chunks.push(c); });
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          res.writeHead(status, { ...upHeaders, 'content-length': body.length }).end(body);
          resolve({ status, problem: size <= STATUS_BODY_LIMIT ? proxyProblem(status, body, ref) : undefined });
        });
        up.on('error', reject);
        return;
      }
      res.writeHead(status, upHeaders);
      up.pipe(res);
      up.on('end', () => resolve({ status }));
      up.on('error', reject);
    });
    out.on('error', reject);
    req.pipe(out);
  });
}
