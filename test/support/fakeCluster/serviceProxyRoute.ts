import * as http from 'node:http';
import * as https from 'node:https';
import type { KObject } from './objects';
import type { FakeUser } from './server';

/** `/api/v1/namespaces/NS/services/[scheme:]NAME[:PORT]/proxy[/PATH]`, as the API server routes it. */
const PROXY_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/services\/([^/]+)\/proxy(\/.*)?$/;

export interface ServiceProxyContext {
  services: KObject[];
  /** Where a Service's traffic goes ("ns/name" → base URL of a real server on loopback), like its ready endpoints. */
  endpoints: Record<string, string>;
  user?: FakeUser;
}

type Status = (code: number, reason: string, message: string) => void;

/**
 * Serves the service-proxy sub-resource the way kube-apiserver does: checks the Service and its
 * port, then forwards the request (method, path, query, body) to an endpoint and streams the
 * answer back. 403 without services/proxy, 503 without ready endpoints. Returns false when
 * `rawPath` is not a service-proxy path.
 */
export function serveServiceProxy(req: http.IncomingMessage, res: http.ServerResponse, rawPath: string, search: string, body: Buffer, ctx: ServiceProxyContext, status: Status): boolean {
  const m = PROXY_PATH.exec(rawPath);
  if (!m) return false;
  const namespace = decodeURIComponent(m[1]);
  const id = decodeURIComponent(m[2]);
  const parts = id.split(':');
  const scheme = parts.length === 3 || (parts.length === 2 && (parts[0] === 'http' || parts[0] === 'https')) ? parts.shift()! : '';
  const [name, portStr = ''] = parts;
  const user = ctx.user;
  if (user && (user.canProxyServices === false || user.forbiddenNamespaces?.includes(namespace))) {
    status(403, 'Forbidden', `services "${id}" is forbidden: User "${user.name}" cannot get resource "services/proxy" in API group "" in the namespace "${namespace}"`);
    return true;
  }
  const svc = ctx.services.find((s) => s.metadata.namespace === namespace && s.metadata.name === name);
  if (!svc) {
    status(404, 'NotFound', `services "${name}" not found`);
    return true;
  }
  const ports = (svc.spec as { ports?: { name?: string; port: number }[] }).ports ?? [];
  const port = ports.find((p) => portStr === '' || p.name === portStr || String(p.port) === portStr);
  if (!port) {
    status(503, 'ServiceUnavailable', `no service port "${portStr}" found for service "${name}"`);
    return true;
  }
  const backend = ctx.endpoints[`${namespace}/${name}`];
  if (!backend) {
    status(503, 'ServiceUnavailable', `no endpoints available for service "${name}"`);
    return true;
  }
  const target = new URL((m[3] ?? '/') + search, backend);
  const headers = { ...req.headers, host: target.host };
  delete headers.authorization;
  // Like the API server: https: endpoints are not verified (their certificates name pods, not us).
  const send = (target.protocol === 'https:' || scheme === 'https' ? https : http).request;
  const out = send(target, { method: req.method, headers, rejectUnauthorized: false }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  out.on('error', (err) => status(503, 'ServiceUnavailable', `error trying to reach service: ${err.message}`));
  out.end(body);
  return true;
}
