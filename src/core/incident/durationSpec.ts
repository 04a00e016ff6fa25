import { parseDuration } from '../time/parseDuration';

/**
 * Durations in settings and on the command line: a number of minutes (15), or units
 * ("15m", "1h", "1h30m", "2d", "90s"). Throws a message naming `what`.
 */
export function parseDurationSpec(value: unknown, what: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value * 60_000;
    throw new Error(`${what}: expected a non-negative number of minutes, got ${value}`);
  }
  if (typeof value !== 'string' || !value.trim()) throw new Error(`${what}: expected minutes or a duration such as "15m" or "1h"`);
  const ms = parseDuration(value, 'min');
  if (ms === undefined) throw new Error(`${what}: cannot read "${value}" as a duration (use e.g. 15m, 1h, 1h30m, 2d)`);
  return ms;
}
