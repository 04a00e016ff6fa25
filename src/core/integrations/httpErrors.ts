import { isAxiosError } from './axiosLazy';

export type IntegrationErrorKind = 'unreachable' | 'timeout' | 'auth' | 'api' | 'bad-response' | 'config';

/** A one-line, user-facing failure of an HTTP integration (never a stack trace). */
export class IntegrationError extends Error {
  constructor(message: string, readonly kind: IntegrationErrorKind, readonly status?: number) {
    super(message);
    this.name = 'IntegrationError';
  }
}

/** The URL without user:password, for messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** Joins an API path onto a base URL that may carry a path prefix (e.g. https://host/prometheus). */
export function apiUrl(base: string, apiPath: string, service: string): string {
  let u: URL;
  try {
    u = new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    throw new IntegrationError(`${service} URL "${base}" is not a valid URL`, 'config');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new IntegrationError(`${service} URL "${base}" must start with http:// or https://`, 'config');
  }
  return new URL(apiPath.replace(/^\//, ''), u).toString();
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
};

/**
 * Turns an axios failure into an IntegrationError. `apiMessage` extracts the service's own
 * error text from a response body (Prometheus: `errorType: error`), so it is shown as the service reports it.
 */
export function describeHttpError(
  err: unknown,
  service: string,
  baseUrl: string,
  timeoutMs: number | undefined,
  apiMessage?: (body: unknown) => string | undefined,
): IntegrationError {
  if (err instanceof IntegrationError) return err;
  const where = `${service} at ${displayUrl(baseUrl)}`;
  if (!isAxiosError(err)) {
    return new IntegrationError(`${where}: ${err instanceof Error ? err.message : String(err)}`, 'bad-response');
  }
  const res = err.response;
  if (!res) {
    if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') {
      const limit = timeoutMs ? ` within ${Math.round(timeoutMs / 100) / 10} s` : '';
      return new IntegrationError(`${where} did not answer${limit} (timeout)`, 'timeout');
    }
    const code = err.code ?? '';
    const words = NETWORK_WORDS[code] ?? err.message;
    return new IntegrationError(`cannot reach ${where}: ${words}${code && NETWORK_WORDS[code] ? ` (${code})` : ''}`, 'unreachable');
  }
  const fromApi = apiMessage?.(res.data);
  const statusText = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  if (res.status === 401 || res.status === 403) {
    const what = res.status === 401 ? 'needs valid credentials' : 'refused access with these credentials';
    return new IntegrationError(`${where} ${what} (${statusText})${fromApi ? `: ${fromApi}` : ''}`, 'auth', res.status);
  }
  if (fromApi) return new IntegrationError(`${where}: ${fromApi}`, 'api', res.status);
  const body = typeof res.data === 'string' ? res.data.trim().split('\n')[0].slice(0, 200) : '';
  return new IntegrationError(`${where} answered ${statusText}${body ? `: ${body}` : ''}`, 'api', res.status);
}
