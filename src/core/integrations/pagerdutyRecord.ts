import type { MilestoneName, TimelineEntry } from '../incident/types';
import { appendEntry, newEntryId } from '../incident/timeline';
import { redactText } from '../incident/redaction/redact';
import { IntegrationError } from './httpErrors';
import { sendPagerDutyEvent, type PagerDutyEvent } from './pagerdutyEvents';
import { readIncident } from '../incident/incidentStore';
import { markMilestone } from '../incident/lifecycle';

const MILESTONE: Record<PagerDutyEvent['action'], MilestoneName> = { acknowledge: 'acknowledged', resolve: 'resolved' };

export interface PagerDutyOutcome {
  ok: boolean;
  error?: string;
  entry: TimelineEntry;
  /** The milestone set by this event, or the one that was already set (the first one counts). */
  milestone?: { name: MilestoneName; set: boolean; at: string };
}

/**
 * Sends acknowledge/resolve and records it: a `notification` entry (channel pagerduty) whether it
 * worked or not, and on success the matching milestone (acknowledged / resolved) at the send time,
 * unless it is already set: the first acknowledgement is the one time-to-acknowledge measures.
 */
export async function pagerDutyAndRecord(dir: string, ev: PagerDutyEvent, opts: { actor?: string } = {}): Promise<PagerDutyOutcome> {
  const at = new Date();
  let error: string | undefined;
  let message = '';
  try {
    message = (await sendPagerDutyEvent(ev)).message;
  } catch (err) {
    error = err instanceof IntegrationError || err instanceof Error ? err.message : String(err);
  }
  const verb = ev.action === 'acknowledge' ? 'Acknowledged' : 'Resolved';
  const text = error
    ? `PagerDuty ${ev.action} for ${ev.dedupKey} failed: ${error}`
    : `${verb} in PagerDuty (dedup key ${ev.dedupKey})${message ? `: ${message}` : ''}`;
  const entry: TimelineEntry = {
    id: newEntryId(at),
    time: at.toISOString(),
    kind: 'notification',
    ...(opts.actor ? { actor: opts.actor } : {}),
    channel: 'pagerduty',
    text: redactText(text).text,
    pagerduty: { action: ev.action, dedupKey: ev.dedupKey, status: error ? 'failed' : 'sent' },
    ...(error ? { error: redactText(error).text } : {}),
  };
  await appendEntry(dir, entry);
  if (error) return { ok: false, error, entry };
  const name = MILESTONE[ev.action];
  const existing = (await readIncident(dir)).milestones[name];
  if (existing) return { ok: true, entry, milestone: { name, set: false, at: existing } };
  await markMilestone(dir, name, at, { actor: opts.actor, now: at });
  return { ok: true, entry, milestone: { name, set: true, at: at.toISOString() } };
}
