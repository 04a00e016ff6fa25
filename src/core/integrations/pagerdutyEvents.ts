import { loadAxios } from './axiosLazy';
import { apiUrl, describeHttpError, displayUrl, IntegrationError } from './httpErrors';

export const DEFAULT_PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com';

export type PagerDutyAction = 'acknowledge' | 'resolve';

export interface PagerDutyEvent {
  /** Service base URL; `/v2/enqueue` is appended. */
  eventsUrl?: string;
  routingKey: string;
  action: PagerDutyAction;
  dedupKey: string;
  timeoutMs?: number;
}

export interface PagerDutyResult {
  status: string;
  message: string;
  dedupKey: string;
}

/** PagerDuty answers `{status, message, errors: [...]}` on rejected events. */
function pagerDutyApiError(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { message?: unknown; errors?: unknown };
  const errors = Array.isArray(b.errors) ? b.errors.filter((e) => typeof e === 'string') : [];
  if (typeof b.message !== 'string' && !errors.length) return undefined;
  return [typeof b.message === 'string' ? b.message : '', errors.join('; ')].filter(Boolean).join(': ');
}

/** Sends an acknowledge or resolve event through the Events API v2 (`POST /v2/enqueue`). */
export async function sendPagerDutyEvent(ev: PagerDutyEvent): Promise<PagerDutyResult> {
  const base = ev.eventsUrl?.trim() || DEFAULT_PAGERDUTY_EVENTS_URL;
  if (!ev.routingKey.trim()) throw new IntegrationError('PagerDuty: no routing key (integration key) is set', 'config');
  if (!ev.dedupKey.trim()) throw new IntegrationError('PagerDuty: a dedup key (the incident key) is required', 'config');
  const timeoutMs = ev.timeoutMs ?? 15_000;
  const url = apiUrl(base, 'v2/enqueue', 'PagerDuty');
  let body: unknown;
  try {
    const res = await (await loadAxios()).post(
      url,
      { routing_key: ev.routingKey.trim(), event_action: ev.action, dedup_key: ev.dedupKey.trim() },
      { timeout: timeoutMs, responseType: 'json', headers: { 'Content-Type': 'application/json' } },
    );
    body = res.data;
  } catch (err) {
    throw describeHttpError(err, 'PagerDuty', base, timeoutMs, pagerDutyApiError);
  }
  const b = (body ?? {}) as { status?: unknown; message?: unknown; dedup_key?: unknown };
  if (typeof b.status !== 'string') {
    throw new IntegrationError(`PagerDuty at ${displayUrl(base)} did not answer like the Events API v2`, 'bad-response');
  }
  return { status: b.status, message: typeof b.message === 'string' ? b.message : '', dedupKey: typeof b.dedup_key === 'string' ? b.dedup_key : ev.dedupKey.trim() };
}
