import type { TimelineEntry } from '../incident/types';
import { appendEntry, newEntryId } from '../incident/timeline';
import { mergeCounts, redactText } from '../incident/redaction/redact';
import { describeAlert, type Alert } from './alertmanagerClient';

function redactValues(values: Record<string, string>): { values: Record<string, string>; counts: Record<string, number> } {
  let counts: Record<string, number> = {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const r = redactText(String(v));
    out[k] = r.text;
    counts = mergeCounts(counts, r.counts);
  }
  return { values: out, counts };
}

/**
 * Adds an alert received from Alertmanager to the timeline: a `notification` entry (channel
 * alertmanager, direction received) with its labels and annotations, redacted.
 */
export async function recordAlert(dir: string, alert: Alert, opts: { actor?: string; alertmanager?: string } = {}): Promise<TimelineEntry> {
  const labels = redactValues(alert.labels);
  const annotations = redactValues(alert.annotations);
  const text = redactText(`Alert ${alert.status.state === 'suppressed' ? 'suppressed' : 'firing'} since ${alert.startsAt}: ${describeAlert(alert)}`);
  const entry: TimelineEntry = {
    id: newEntryId(),
    time: new Date().toISOString(),
    kind: 'notification',
    ...(opts.actor ? { actor: opts.actor } : {}),
    channel: 'alertmanager',
    direction: 'received',
    text: text.text,
    alert: {
      fingerprint: alert.fingerprint,
      name: labels.values.alertname ?? '',
      state: alert.status.state,
      startsAt: alert.startsAt,
      labels: labels.values,
      annotations: annotations.values,
      ...(alert.generatorURL ? { generatorURL: alert.generatorURL } : {}),
      ...(opts.alertmanager ? { alertmanager: opts.alertmanager } : {}),
    },
    redactions: mergeCounts(mergeCounts(labels.counts, annotations.counts), text.counts),
  };
  await appendEntry(dir, entry);
  return entry;
}
