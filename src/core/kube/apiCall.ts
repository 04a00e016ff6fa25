import { clientNode } from './clientNode';
import type { KubeConnection } from './connection';
import { KubeError } from './kubeError';

/** Look-ups must fail fast during an incident: an unreachable server answers nothing. */
export const DEFAULT_API_TIMEOUT_MS = 4000;

export interface ApiCallOptions {
  timeoutMs?: number;
}

/** Request options for client-node API methods that make a request abortable. */
export type RequestOptions = { middleware: unknown[]; middlewareMergeStrategy: 'append' };

/**
 * Runs one API request with a deadline and turns every failure into a one-line KubeError:
 * credential plugin, timeout, unreachable, 401, 403, other API errors.
 */
export async function apiCall<T>(conn: KubeConnection, what: string, call: (options: RequestOptions, signal: AbortSignal) => Promise<T>, options: ApiCallOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS;
  const k8s = await clientNode();
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  const deadline = new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => reject(new Error('aborted'))));
  let phase: 'credentials' | 'request' = 'credentials';
  try {
    await Promise.race([credentials(conn), deadline]);
    phase = 'request';
    const middleware = {
      pre: (ctx: { setSignal(s: AbortSignal): void }) => {
        ctx.setSignal(abort.signal);
        return new k8s.Observable(Promise.resolve(ctx));
      },
      post: (ctx: unknown) => new k8s.Observable(Promise.resolve(ctx)),
    };
    return await Promise.race([call({ middleware: [middleware], middlewareMergeStrategy: 'append' }, abort.signal), deadline]);
  } catch (err) {
    if (err instanceof KubeError) throw err;
    if (timedOut && phase === 'credentials' && conn.execCommand) {
      throw new KubeError('credential-plugin', `The credential plugin "${conn.execCommand}" of context ${conn.target.context} did not finish within ${Math.round(timeoutMs / 100) / 10} s (does it wait for a login in a browser?)`);
    }
    if (timedOut) {
      throw new KubeError('timeout', `No answer from ${conn.server} within ${Math.round(timeoutMs / 100) / 10} s while ${what} (context ${conn.target.context}). Is the cluster reachable (VPN, proxy, firewall)?`);
    }
    throw explain(err, conn, what);
  } finally {
    clearTimeout(timer);
  }
}

/** Obtains credentials first, so a failing exec plugin is reported as such. */
async function credentials(conn: KubeConnection): Promise<void> {
  try {
    await conn.kc.applyToFetchOptions({});
  } catch (err) {
    const detail = firstLine(err instanceof Error ? err.message : String(err)) || 'it exited with an error and printed nothing';
    if (conn.execCommand) {
      throw new KubeError('credential-plugin', `The credential plugin "${conn.execCommand}" of context ${conn.target.context} failed: ${detail}`);
    }
    throw new KubeError('api', `Cannot prepare credentials for context ${conn.target.context}: ${detail}`);
  }
}

function explain(err: unknown, conn: KubeConnection, what: string): KubeError {
  const e = err as { code?: unknown; body?: unknown; message?: string; errno?: string; cause?: { code?: string } };
  if (typeof e.code === 'number') {
    const status = parseStatus(e.body);
    const reason = status.message || `HTTP ${e.code}`;
    if (e.code === 401) return new KubeError('unauthorized', `The API server of context ${conn.target.context} rejected the credentials (401 Unauthorized) while ${what}. Log in again or refresh the token.`);
    if (e.code === 403) return new KubeError('forbidden', `Forbidden while ${what} in context ${conn.target.context}: ${reason}`);
    return new KubeError('api', `The API server of context ${conn.target.context} answered ${e.code} while ${what}: ${reason}`);
  }
  const code = typeof e.code === 'string' ? e.code : e.errno ?? e.cause?.code;
  const netWords: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host name not found',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ECONNRESET: 'connection reset',
    EAI_AGAIN: 'DNS lookup failed',
    CERT_HAS_EXPIRED: 'the server certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed and not trusted',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate is not trusted',
  };
  if (code && netWords[code]) return new KubeError('unreachable', `Cannot reach ${conn.server} for context ${conn.target.context}: ${netWords[code]}.`);
  return new KubeError('api', `Failed while ${what} in context ${conn.target.context}: ${firstLine(e.message ?? String(err))}`);
}

function parseStatus(body: unknown): { message?: string } {
  if (body && typeof body === 'object') return body as { message?: string };
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as { message?: string };
    } catch {
      return { message: firstLine(body) };
    }
  }
  return {};
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0]?.trim() ?? '';
}
