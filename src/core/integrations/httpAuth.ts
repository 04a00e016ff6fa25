import type { AxiosRequestConfig } from 'axios';

/** Credentials for an HTTP API (Prometheus, Alertmanager). Never written to disk by us. */
export type HttpAuth =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string };

/** The axios options that send `auth`. */
export function axiosAuth(auth: HttpAuth | undefined): Pick<AxiosRequestConfig, 'auth' | 'headers'> {
  if (!auth || auth.kind === 'none') return {};
  if (auth.kind === 'bearer') return { headers: { Authorization: `Bearer ${auth.token}` } };
  return { auth: { username: auth.username, password: auth.password } };
}

/**
 * Credentials from the environment: `<PREFIX>_TOKEN` for a bearer token, or
 * `<PREFIX>_USER` and `<PREFIX>_PASSWORD` for basic auth (e.g. RUNBOOK_LENS_PROMETHEUS_TOKEN).
 */
export function authFromEnv(env: NodeJS.ProcessEnv, prefix: string): HttpAuth {
  const token = env[`${prefix}_TOKEN`];
  if (token) return { kind: 'bearer', token };
  const username = env[`${prefix}_USER`];
  if (username) return { kind: 'basic', username, password: env[`${prefix}_PASSWORD`] ?? '' };
  return { kind: 'none' };
}
