import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { KObject } from './objects';
import { RESOURCE_TYPES, apiGroupList, findType, groupVersion, resourceList, type ResourceType } from './resources';
import { matchesFields, matchesLabels } from './selectors';
import { mergePatch } from './mergePatch';
import { applyJsonPatch } from './jsonPatch';
import { toTable } from './tables';
import { fakeTls } from './tlsMaterial';
import { reconcileDeployment, type ControllerStore } from './controller';
import { rawStatus, serveExec } from './execRoute';
import { serveServiceProxy } from './serviceProxyRoute';

/** A user the fake API knows by bearer token. */
export interface FakeUser {
  name: string;
  /** Namespaces this user may not touch (403 like RBAC would give). */
  forbiddenNamespaces?: string[];
  /** false: listing namespaces is forbidden (common for tenants). */
  canListNamespaces?: boolean;
  /** false: may read Services but not proxy to them (RBAC without services/proxy). */
  canProxyServices?: boolean;
}

export interface FakeClusterFixture {
  /** Shown in logs and /version so tests can tell clusters apart. */
  name: string;
  gitVersion?: string;
  objects: KObject[];
  /** Accepted bearer tokens. Without this map, every request is allowed. */
  tokens?: Record<string, FakeUser>;
  /** /readyz answers 500 when false. */
  ready?: boolean;
  /** Pod logs by pod name; otherwise a few generated lines naming the cluster. */
  logs?: Record<string, string>;
  /** Accept connections but never answer (an unreachable, black-holed API server). */
  stall?: boolean;
  /**
   * Ready endpoints of Services for the service proxy: "ns/name" → base URL of a real server on
   * loopback (e.g. a real Prometheus). A Service without an entry has no ready endpoints (503).
   */
  serviceEndpoints?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  user?: string;
  accept?: string;
  contentType?: string;
  body?: string;
  /** The Upgrade header of exec requests (websocket, SPDY/3.1). */
  upgrade?: string;
}

export interface FakeCluster {
  url: string;
  name: string;
  requests: RecordedRequest[];
  /** Current objects of a resource (plural), e.g. `objects('pods')`. */
  objects(resource: string, group?: string): KObject[];
  close(): Promise<void>;
}

interface Route {
  type: ResourceType;
  namespace?: string;
  name?: string;
  sub?: string;
}

const JSON_TYPE = 'application/json';

/**
 * Starts one simulated Kubernetes API server on 127.0.0.1 (random port unless given).
 * HTTPS by default, because kubectl sends tokens and exec-plugin credentials only over TLS;
 * kubeconfigs trust it through `fakeTls.ca`.
 */
export async function startFakeCluster(fixture: FakeClusterFixture, options: { port?: number; plainHttp?: boolean } = {}): Promise<FakeCluster> {
  const store = new Map<string, KObject[]>();
  const keyOf = (t: { group: string; name: string }) => `${t.group}|${t.name}`;
  for (const t of RESOURCE_TYPES) store.set(keyOf(t), []);
  for (const o of fixture.objects) {
    const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
    const t = RESOURCE_TYPES.find((r) => r.kind === o.kind && r.group === group);
    if (!t) throw new Error(`fake cluster: no resource type for ${o.apiVersion} ${o.kind}`);
    store.get(keyOf(t))!.push(structuredClone(o));
  }
  const controllerStore: ControllerStore = { pods: store.get('|pods')!, replicaSets: store.get('apps|replicasets')!, podMetrics: store.get('metrics.k8s.io|pods')! };
  /** What the cluster's controllers would do after a write: new revisions, replicas, replaced pods. */
  const reconcile = (type: ResourceType, obj: KObject) => {
    const nodes = store.get('|nodes')!.map((n) => n.metadata.name);
    const deployments = store.get('apps|deployments')!;
    if (type.kind === 'Deployment') return reconcileDeployment(controllerStore, obj, nodes);
    if (type.kind !== 'Pod') return;
    // A deleted pod takes its metrics along, and its replica set replaces it.
    const metrics = controllerStore.podMetrics.findIndex((m) => m.metadata.namespace === obj.metadata.namespace && m.metadata.name === obj.metadata.name);
    if (metrics >= 0) controllerStore.podMetrics.splice(metrics, 1);
    const rs = controllerStore.replicaSets.find((r) => obj.metadata.ownerReferences?.some((o) => o.uid === r.metadata.uid));
    const dep = deployments.find((d) => rs?.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid));
    if (dep) reconcileDeployment(controllerStore, dep, nodes);
  };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (fixture.stall) return; // never answer
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks);
      const body = raw.toString('utf8');
      const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const user = token && fixture.tokens ? fixture.tokens[token] : undefined;
      requests.push({
        method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), user: user?.name,
        accept: req.headers.accept, contentType: req.headers['content-type'], ...(body ? { body } : {}),
      });
      try {
        // Unauthenticated requests fall through to handle(), which answers 401.
        const proxyCtx = { services: store.get('|services')!, endpoints: fixture.serviceEndpoints ?? {}, user };
        if (!(fixture.tokens && !user) && serveServiceProxy(req, res, url.pathname, url.search, raw, proxyCtx, (code, reason, message) => sendStatus(res, code, reason, message))) return;
        handle(req, res, url, body, token, user);
      } catch (err) {
        sendStatus(res, 500, 'InternalError', `fake cluster: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  };
  const server = options.plainHttp ? http.createServer(onRequest) : https.createServer({ key: fakeTls.key, cert: fakeTls.cert }, onRequest);
  // `kubectl exec` upgrades to a WebSocket (v5.channel.k8s.io), or SPDY when told to fall back.
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex) => {
    if (fixture.stall) return; // never answer
    const url = new URL(req.url ?? '/', 'http://fake');
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const user = token && fixture.tokens ? fixture.tokens[token] : undefined;
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), user: user?.name, accept: req.headers.accept, upgrade: req.headers.upgrade });
    if (fixture.tokens && !user) return rawStatus(socket, 401, 'Unauthorized', 'Unauthorized');
    const route = routeOf(url.pathname.replace(/\/+$/, ''));
    if (!route || route.type.name !== 'pods' || route.type.group !== '' || !route.name || !route.sub) return rawStatus(socket, 404, 'NotFound', `the server could not find the requested resource (${url.pathname})`);
    const denied = forbidden(user, 'POST', route, url);
    if (denied) return rawStatus(socket, 403, 'Forbidden', denied);
    const pod = store.get('|pods')!.find((o) => o.metadata.namespace === route.namespace && o.metadata.name === route.name);
    if (!pod) return rawStatus(socket, 404, 'NotFound', `pods "${route.name}" not found`);
    serveExec(req, socket, url, route.sub, pod, { cluster: fixture.name, services: store.get('|services')! });
  });
  server.on(options.plainHttp ? 'connection' : 'secureConnection', (s: import('node:net').Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: string, token: string | undefined, user: FakeUser | undefined): void {
    const p = url.pathname.replace(/\/+$/, '') || '/';
    if (['/readyz', '/livez', '/healthz'].includes(p)) {
      const ok = fixture.ready !== false || p === '/livez';
      res.writeHead(ok ? 200 : 500, { 'content-type': 'text/plain' }).end(ok ? 'ok' : '[-]etcd failed: reason withheld\nreadyz check failed');
      return;
    }
    if (fixture.tokens && !user) {
      sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
      return;
    }
    void token;
    if (p === '/version') return sendJson(res, 200, versionInfo(fixture.gitVersion ?? 'v1.31.2'));
    if (p === '/api') return sendJson(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: req.headers.host ?? '' }] });
    if (p === '/apis') return sendJson(res, 200, apiGroupList());
    const gv = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(p);
    if (gv) {
      const list = resourceList(gv[2] ?? '', gv[1] ?? gv[3]);
      return list ? sendJson(res, 200, list) : sendStatus(res, 404, 'NotFound', `the server could not find the requested resource (${p})`);
    }
    const route = routeOf(p);
    if (!route) return sendStatus(res, 404, 'NotFound', `the server could not find the requested resource (${p})`);
    const denied = forbidden(user, req.method ?? 'GET', route, url);
    if (denied) return sendStatus(res, 403, 'Forbidden', denied);
    serveResource(req, res, url, body, route);
  }

  /** `/api/v1/…` or `/apis/<group>/<version>/…` as a resource route. */
  function routeOf(p: string): Route | undefined {
    const segs = p.split('/').filter(Boolean);
    if (segs[0] === 'api' && segs[1] === 'v1' && segs.length > 2) return parseRoute('', 'v1', segs.slice(2));
    if (segs[0] === 'apis' && segs.length > 3) return parseRoute(segs[1], segs[2], segs.slice(3));
    return undefined;
  }

  function parseRoute(group: string, version: string, rest: string[]): Route | undefined {
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const type = findType(group, version, rest[0]);
    if (!type) return undefined;
    return { type, namespace, name: rest[1], sub: rest[2] };
  }

  function forbidden(user: FakeUser | undefined, method: string, route: Route, url: URL): string | undefined {
    if (!user) return undefined;
    const verb = method === 'GET' ? (route.name ? 'get' : url.searchParams.get('watch') === 'true' ? 'watch' : 'list') : method === 'DELETE' ? 'delete' : method === 'POST' ? 'create' : method === 'PUT' ? 'update' : 'patch';
    const ns = route.namespace ?? (route.type.name === 'namespaces' ? route.name : undefined);
    const resource = route.sub ? `${route.type.name}/${route.sub}` : route.type.name;
    const groupWords = `in API group "${route.type.group}"`;
    const obj = route.name && route.type.name !== 'namespaces' ? ` "${route.name}"` : '';
    if (ns && user.forbiddenNamespaces?.includes(ns)) {
      return `${resource}${obj} is forbidden: User "${user.name}" cannot ${verb} resource "${resource}" ${groupWords} in the namespace "${ns}"`;
    }
    if (route.type.name === 'namespaces' && !route.name && user.canListNamespaces === false) {
      return `namespaces is forbidden: User "${user.name}" cannot list resource "namespaces" ${groupWords} at the cluster scope`;
    }
    return undefined;
  }

  function serveResource(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: string, route: Route): void {
    const { type, namespace, name, sub } = route;
    const all = store.get(keyOf(type))!;
    const inScope = all.filter((o) => !type.namespaced || !namespace || o.metadata.namespace === namespace);
    const find = () => inScope.find((o) => o.metadata.name === name);
    const notFound = () => sendStatus(res, 404, 'NotFound', `${type.name}${type.group ? `.${type.group}` : ''} "${name}" not found`, { name, kind: type.name, group: type.group });
    const wantsTable = (req.headers.accept ?? '').includes('as=Table');
    const method = req.method ?? 'GET';
    const gv = groupVersion(type);

    if (method === 'GET' && !name) {
      if (url.searchParams.get('watch') === 'true') {
        // Nothing changes on its own here, so no event ever comes; the watch stays open (as a real
        // one does) until the client leaves or its timeoutSeconds ends. Ending it at once made
        // kubectl warn "very short watch" and retry.
        res.writeHead(200, { 'content-type': JSON_TYPE });
        res.flushHeaders();
        const seconds = Number(url.searchParams.get('timeoutSeconds'));
        const timer = setTimeout(() => res.end(), (seconds > 0 ? seconds : 300) * 1000).unref();
        res.on('close', () => clearTimeout(timer));
        return;
      }
      const items = inScope.filter((o) => matchesLabels(o, url.searchParams.get('labelSelector')) && matchesFields(o, url.searchParams.get('fieldSelector')));
      if (wantsTable) return sendJson(res, 200, toTable(items, type.kind, url.searchParams.get('includeObject')));
      return sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: gv, metadata: { resourceVersion: '1' }, items: items.map((o) => withoutTypeMeta(o)) });
    }
    if (method === 'POST' && !name) {
      const obj = JSON.parse(body) as KObject;
      if (namespace) obj.metadata.namespace = namespace;
      if (inScope.some((o) => o.metadata.name === obj.metadata.name)) return sendStatus(res, 409, 'AlreadyExists', `${type.name} "${obj.metadata.name}" already exists`);
      Object.assign(obj.metadata, { uid: randomUUID(), resourceVersion: '1', creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
      all.push(obj);
      return sendJson(res, 201, obj);
    }
    const obj = find();
    if (!obj) return notFound();
    if (sub === 'exec' || sub === 'attach' || sub === 'portforward') {
      return sendStatus(res, 400, 'BadRequest', `the demo cluster answers pods/${sub} only as a WebSocket upgrade (simulated cluster: no containers run)`);
    }
    if (sub === 'log' && method === 'GET') {
      const text = fixture.logs?.[obj.metadata.name] ?? defaultLog(fixture.name, obj);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(text);
      return;
    }
    if (sub === 'scale') {
      if (method === 'PATCH' || method === 'PUT') {
        const patch = JSON.parse(body) as { spec?: { replicas?: number } };
        if (typeof patch.spec?.replicas === 'number') (obj.spec as { replicas: number }).replicas = patch.spec.replicas;
        bump(obj);
        reconcile(type, obj);
      }
      return sendJson(res, 200, scaleOf(obj));
    }
    switch (method) {
      case 'GET':
        return wantsTable ? sendJson(res, 200, toTable([obj], type.kind, url.searchParams.get('includeObject'))) : sendJson(res, 200, obj);
      case 'DELETE':
        all.splice(all.indexOf(obj), 1);
        reconcile(type, obj);
        return sendJson(res, 200, obj);
      case 'PATCH': {
        const ct = req.headers['content-type'] ?? '';
        const patched = (ct.includes('json-patch+json') ? applyJsonPatch(obj, JSON.parse(body)) : mergePatch(obj, JSON.parse(body), ct.includes('strategic'))) as KObject;
        Object.keys(obj).forEach((k) => delete obj[k]);
        Object.assign(obj, patched);
        bump(obj);
        reconcile(type, obj);
        return sendJson(res, 200, obj);
      }
      case 'PUT': {
        const replaced = JSON.parse(body) as KObject;
        Object.keys(obj).forEach((k) => delete obj[k]);
        Object.assign(obj, replaced);
        bump(obj);
        reconcile(type, obj);
        return sendJson(res, 200, obj);
      }
      default:
        return sendStatus(res, 405, 'MethodNotAllowed', `${method} is not supported`);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.plainHttp ? 'http' : 'https'}://127.0.0.1:${port}`,
    name: fixture.name,
    requests,
    objects: (resource, group = '') => [...(store.get(`${group}|${resource}`) ?? [])],
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

function withoutTypeMeta(o: KObject): Omit<KObject, 'apiVersion' | 'kind'> {
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

function bump(o: KObject): void {
  o.metadata.resourceVersion = String(Number(o.metadata.resourceVersion ?? '1') + 1);
  if (typeof o.metadata.generation === 'number') o.metadata.generation += 1;
}

function scaleOf(o: KObject): unknown {
  const replicas = (o.spec as { replicas?: number }).replicas ?? 0;
  return { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: o.metadata.name, namespace: o.metadata.namespace, uid: o.metadata.uid, resourceVersion: o.metadata.resourceVersion }, spec: { replicas }, status: { replicas, selector: `app=${o.metadata.labels?.app ?? o.metadata.name}` } };
}

function defaultLog(cluster: string, pod: KObject): string {
  const t = new Date().toISOString();
  return [`${t} INFO [${cluster}] ${pod.metadata.name} started`, `${t} INFO [${cluster}] serving on :8080`, `${t} ERROR [${cluster}] compilation queue latency above threshold`].join('\n') + '\n';
}

function versionInfo(gitVersion: string): unknown {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return { major, minor, gitVersion, gitCommit: '0'.repeat(40), gitTreeState: 'clean', buildDate: '2026-01-01T00:00:00Z', goVersion: 'go1.23.0', compiler: 'gc', platform: 'linux/amd64' };
}

function sendJson(res: http.ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': JSON_TYPE }).end(JSON.stringify(body));
}

function sendStatus(res: http.ServerResponse, code: number, reason: string, message: string, details?: Record<string, unknown>): void {
  sendJson(res, code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
}
