/**
 * Posting a message to a Slack incoming webhook.
 * The webhook URL is a secret: it never appears in errors or logs.
 * 429 honours Retry-After; 5xx and network failures retry with exponential backoff.
 */
import type { AxiosResponse } from 'axios';
import { loadAxios } from './axiosLazy';

export interface SlackPostOptions {
  /** Retries after the first attempt. */
  retries?: number;
  /** First backoff delay; doubles each retry. */
  baseDelayMs?: number;
  /** Longest wait we accept, from backoff or Retry-After. */
  maxDelayMs?: number;
  timeoutMs?: number;
  sleep?(ms: number): Promise<void>;
}

export interface SlackPostResult {
  attempts: number;
  status: number;
}

export class SlackPostError extends Error {
  constructor(message: string, readonly status?: number, readonly attempts = 1) {
    super(message);
    this.name = 'SlackPostError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Checks the webhook URL without ever echoing it. */
export function checkWebhookUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new SlackPostError('The Slack webhook URL is not a valid URL.');
  }
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return u; // local receivers (tests, relays)
  throw new SlackPostError('The Slack webhook URL must use https.');
}

function retryAfterMs(res: AxiosResponse): number | undefined {
  const raw = res.headers['retry-after'];
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function bodyHint(data: unknown): string {
  const text = typeof data === 'string' ? data : data === undefined || data === null ? '' : JSON.stringify(data);
  const one = text.replace(/\s+/g, ' ').trim().slice(0, 120);
  return one ? ` (${one})` : '';
}

/** Posts `{ text }` and resolves when Slack accepted it; throws SlackPostError otherwise. */
export async function postSlackMessage(webhookUrl: string, text: string, opts: SlackPostOptions = {}): Promise<SlackPostResult> {
  const url = checkWebhookUrl(webhookUrl);
  const retries = opts.retries ?? 4;
  const base = opts.baseDelayMs ?? 1000;
  const maxDelay = opts.maxDelayMs ?? 60_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let lastProblem = '';
  for (let attempt = 1; ; attempt++) {
    let res: AxiosResponse | undefined;
    try {
      res = await (await loadAxios()).post(url.toString(), { text }, {
        timeout: opts.timeoutMs ?? 15_000,
        headers: { 'Content-Type': 'application/json' },
        maxRedirects: 0,
        responseType: 'text',
        validateStatus: () => true,
      });
    } catch (e) {
      // Network-level failure: axios' message may contain the URL, so only its code is kept.
      const code = (e as { code?: string }).code ?? 'network error';
      lastProblem = `could not reach Slack (${code})`;
    }
    if (res && res.status >= 200 && res.status < 300) return { attempts: attempt, status: res.status };
    let wait = base * 2 ** (attempt - 1);
    if (res) {
      if (res.status === 429) {
        const after = retryAfterMs(res);
        lastProblem = `Slack rate-limited the webhook (HTTP 429${after !== undefined ? `, retry after ${Math.ceil(after / 1000)} s` : ''})`;
        if (after !== undefined) wait = after;
      } else if (res.status >= 500) {
        lastProblem = `Slack answered HTTP ${res.status}${bodyHint(res.data)}`;
      } else {
        throw new SlackPostError(`Slack refused the message: HTTP ${res.status}${bodyHint(res.data)}. Check the webhook URL (Runbook Lens: Set Slack Webhook).`, res.status, attempt);
      }
    }
    if (attempt > retries) throw new SlackPostError(`The message was not posted: ${lastProblem}, after ${attempt} attempts.`, res?.status, attempt);
    if (wait > maxDelay) throw new SlackPostError(`The message was not posted: ${lastProblem}; that is longer than the ${Math.round(maxDelay / 1000)} s we wait.`, res?.status, attempt);
    await sleep(wait);
  }
}
