import { loadAxios } from './axiosLazy';
import { axiosAuth, type HttpAuth } from './httpAuth';
import { apiUrl, describeHttpError, displayUrl, IntegrationError } from './httpErrors';

/** An alert as Alertmanager API v2 returns it (GettableAlert), reduced to what we use. */
export interface Alert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  updatedAt?: string;
  generatorURL?: string;
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
  receivers: string[];
}

export interface AlertmanagerConnection {
  baseUrl: string;
  auth?: HttpAuth;
  timeoutMs?: number;
}

/** Alertmanager v2 answers errors as a JSON string or `{message}`. */
function alertmanagerApiError(body: unknown): string | undefined {
  if (typeof body === 'string' && body.trim()) return body.trim().split('\n')[0];
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') return (body as { message: string }).message;
  return undefined;
}

/** The active alerts (`GET /api/v2/alerts?active=true`), firing first by start time, newest first. */
export async function listActiveAlerts(conn: AlertmanagerConnection): Promise<Alert[]> {
  const timeoutMs = conn.timeoutMs ?? 15_000;
  const url = apiUrl(conn.baseUrl, 'api/v2/alerts', 'Alertmanager');
  let body: unknown;
  try {
    const res = await (await loadAxios()).get(url, { ...axiosAuth(conn.auth), params: { active: true }, timeout: timeoutMs, responseType: 'json' });
    body = res.data;
  } catch (err) {
    throw describeHttpError(err, 'Alertmanager', conn.baseUrl, timeoutMs, alertmanagerApiError);
  }
  if (!Array.isArray(body)) {
    throw new IntegrationError(`Alertmanager at ${displayUrl(conn.baseUrl)} did not answer like the Alertmanager API v2 (is the URL right?)`, 'bad-response');
  }
  return body.map(toAlert).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}

function toAlert(raw: unknown): Alert {
  const a = (raw ?? {}) as Partial<Alert> & { status?: Partial<Alert['status']> };
  return {
    fingerprint: String(a.fingerprint ?? ''),
    labels: { ...(a.labels ?? {}) },
    annotations: { ...(a.annotations ?? {}) },
    startsAt: String(a.startsAt ?? ''),
    endsAt: a.endsAt,
    updatedAt: a.updatedAt,
    generatorURL: a.generatorURL,
    status: { state: String(a.status?.state ?? 'unknown'), silencedBy: a.status?.silencedBy ?? [], inhibitedBy: a.status?.inhibitedBy ?? [] },
    receivers: Array.isArray(a.receivers) ? a.receivers.map((r) => (typeof r === 'string' ? r : String((r as { name?: unknown })?.name ?? ''))) : [],
  };
}

export function alertName(alert: Alert): string {
  return alert.labels.alertname ?? '(unnamed alert)';
}

/** A one-line description: name, severity, where, summary. */
export function describeAlert(alert: Alert): string {
  const where = ['namespace', 'pod', 'instance', 'job', 'service'].filter((k) => alert.labels[k]).map((k) => `${k}=${alert.labels[k]}`);
  const severity = alert.labels.severity ? ` [${alert.labels.severity}]` : '';
  const summary = alert.annotations.summary ?? alert.annotations.description ?? alert.annotations.message ?? '';
  return `${alertName(alert)}${severity}${where.length ? ` (${where.join(', ')})` : ''}${summary ? `: ${summary.split('\n')[0]}` : ''}`;
}
