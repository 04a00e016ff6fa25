/**
 * Names of the objects in an API list, fetched with client-node's credentials (token, client
 * certificate, exec plugin, proxy: all applied by `applyToHTTPSOptions`) but without its typed
 * deserializer, which for 5,000 pods cost more than the request itself. Asks for metadata only,
 * as kubectl does; a server that cannot answer that form sends the full list, read the same way.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { KubeConnection } from './connection';

const ACCEPT = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

/** Shaped like client-node's ApiException, so apiCall explains it the same way. */
class HttpStatusError extends Error {
  constructor(readonly code: number, readonly body: string) {
    super(`HTTP ${code}`);
  }
}

function names(list: unknown): string[] {
  const items = (list as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new Error('the answer is not an object list');
  const out: string[] = [];
  for (const item of items) {
    const name = (item as { metadata?: { name?: unknown } } | null)?.metadata?.name;
    if (typeof name === 'string' && name !== '') out.push(name);
  }
  return out;
}

export async function listNames(conn: KubeConnection, apiPath: string, signal: AbortSignal): Promise<string[]> {
  const list = await getJson(conn, apiPath, ACCEPT, signal);
  try {
    return names(list);
  } catch (err) {
    throw new Error(`unreadable answer from ${apiPath}: ${(err as Error).message}`);
  }
}

/** One GET with the connection's credentials; the parsed JSON body, or an HttpStatusError. */
export async function getJson(conn: KubeConnection, apiPath: string, accept: string, signal: AbortSignal): Promise<unknown> {
  const opts: https.RequestOptions = {};
  await conn.kc.applyToHTTPSOptions(opts as never);
  const url = new URL(conn.server.replace(/\/+$/, '') + apiPath);
  const client = url.protocol === 'http:' ? http : https;
  return new Promise<unknown>((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET', agent: opts.agent, auth: opts.auth, signal,
      headers: { ...(opts.headers as http.OutgoingHttpHeaders | undefined), Accept: accept },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return reject(new HttpStatusError(status, body));
        try {
          resolve(JSON.parse(body));
        } catch (err) {
          reject(new Error(`unreadable answer from ${url.pathname}: ${(err as Error).message}`));
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
