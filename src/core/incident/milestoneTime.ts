/**
 * Reads the time of a (possibly backdated) milestone as people type it under stress:
 * an ISO-8601 time (without a zone it is UTC), "HH:MM" (UTC, today or else yesterday),
 * or an offset into the past such as "-15m" or "15m ago". Future times are refused.
 */
import { parseDurationSpec } from './durationSpec';

/** Clock skew tolerated before a time counts as "in the future". */
const FUTURE_SLACK_MS = 60_000;

export function parseMilestoneTime(input: string, now: Date): Date {
  const text = input.trim();
  if (!text || /^now$/i.test(text)) return now;
  let at: Date;
  const ago = /^-\s*(.+)$/.exec(text) ?? /^(.+?)\s+ago$/i.exec(text);
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (ago) {
    at = new Date(now.getTime() - parseDurationSpec(ago[1], `"${text}"`));
  } else if (clock) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (h > 23 || m > 59 || s > 59) throw new Error(`"${text}" is not a time of day`);
    at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), h, m, s));
    if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) at = new Date(at.getTime() - 86_400_000);
  } else {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !/T|\d:\d/.test(text) ? text : `${text}Z`;
    if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(Date.parse(zoned))) {
      throw new Error(`cannot read "${text}" as a time (use ISO-8601 like 2026-10-03T14:02:00Z, HH:MM in UTC, or -15m)`);
    }
    at = new Date(zoned);
  }
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw new Error(`${at.toISOString()} is in the future; milestones can only be backdated`);
  return at;
}
