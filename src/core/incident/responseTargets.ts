/**
 * Response-time targets per severity (the reference runbook's table) and where an
 * open incident stands against its target.
 */
import type { Incident, Severity } from './types';
import { parseDurationSpec } from './durationSpec';
import { resolvePerSeverity } from './severitySetting';

export { SEVERITIES, isSeverity } from './severitySetting';

export type ResponseTarget = { kind: 'duration'; ms: number } | { kind: 'next-business-day' };

export const DEFAULT_RESPONSE_TARGETS: Readonly<Record<Severity, ResponseTarget>> = {
  P0: { kind: 'duration', ms: 15 * 60_000 },
  P1: { kind: 'duration', ms: 60 * 60_000 },
  P2: { kind: 'duration', ms: 4 * 60 * 60_000 },
  P3: { kind: 'next-business-day' },
};

export function parseResponseTarget(value: unknown, what: string): ResponseTarget {
  if (typeof value === 'string' && /^next[\s-]*business[\s-]*day$/i.test(value.trim())) return { kind: 'next-business-day' };
  const ms = parseDurationSpec(value, what);
  if (ms <= 0) throw new Error(`${what}: a response target must be longer than zero`);
  return { kind: 'duration', ms };
}

/** Defaults with the user's overrides applied; bad overrides are reported and ignored. */
export function resolveResponseTargets(overrides: unknown): { targets: Record<Severity, ResponseTarget>; problems: string[] } {
  const { values, problems } = resolvePerSeverity(overrides, DEFAULT_RESPONSE_TARGETS, 'runbookLens.responseTargets', parseResponseTarget, describeTarget);
  return { targets: values, problems };
}

export function describeTarget(t: ResponseTarget): string {
  if (t.kind === 'next-business-day') return 'next business day';
  const min = Math.round(t.ms / 60_000);
  if (min % 60 === 0) return `${min / 60} h`;
  return min > 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min} min`;
}

/**
 * When the response is due. "Next business day" ends at 24:00 UTC of the next
 * Monday–Friday after the day the clock started.
 */
export function responseDeadline(start: Date, target: ResponseTarget): Date {
  if (target.kind === 'duration') return new Date(start.getTime() + target.ms);
  const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

export type ResponseLevel = 'ok' | 'near' | 'missed' | 'met' | 'late';

export interface ResponseState {
  /** When the clock started: detected, else started, else creation time. */
  clockStart: string;
  deadline: string;
  targetMs: number;
  /** Until acknowledgement (or now while waiting). */
  elapsedMs: number;
  fraction: number;
  /** ok/near/missed while waiting for acknowledgement; met/late once acknowledged. */
  level: ResponseLevel;
  acknowledgedAt?: string;
}

/** Fraction of the target at which the status bar starts to warn. */
export const NEAR_FRACTION = 0.8;

export function responseState(incident: Incident, targets: Record<Severity, ResponseTarget>, now: Date): ResponseState {
  const ms = incident.milestones ?? {};
  const clockStart = ms.detected ?? ms.started ?? incident.createdAt;
  const start = new Date(clockStart);
  const deadline = responseDeadline(start, targets[incident.severity] ?? DEFAULT_RESPONSE_TARGETS.P3);
  const targetMs = deadline.getTime() - start.getTime();
  const stop = ms.acknowledged ? new Date(ms.acknowledged) : now;
  const elapsedMs = Math.max(0, stop.getTime() - start.getTime());
  const fraction = targetMs > 0 ? elapsedMs / targetMs : 1;
  let level: ResponseLevel;
  if (ms.acknowledged) level = fraction <= 1 ? 'met' : 'late';
  else level = fraction >= 1 ? 'missed' : fraction >= NEAR_FRACTION ? 'near' : 'ok';
  return { clockStart, deadline: deadline.toISOString(), targetMs, elapsedMs, fraction, level, acknowledgedAt: ms.acknowledged };
}
