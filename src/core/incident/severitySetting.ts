/** Reads a per-severity setting object ({"P0": …, "P2": …}) over defaults; bad keys or values are reported and skipped. */
import type { Severity } from './types';
import { SEVERITIES } from './incidentStore';
import { badValue } from '../config/kinds';

export { SEVERITIES };

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

export function resolvePerSeverity<T>(
  overrides: unknown,
  defaults: Readonly<Record<Severity, T>>,
  setting: string,
  parse: (value: unknown, what: string) => T,
  describe: (value: T) => string,
): { values: Record<Severity, T>; problems: string[] } {
  const values = { ...defaults };
  const problems: string[] = [];
  if (overrides === undefined || overrides === null) return { values, problems };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    return { values, problems: [badValue(setting, overrides, 'an object such as {"P0": "15m"}', {})] };
  }
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (!isSeverity(key)) {
      problems.push(`${setting}: unknown severity "${key}" (use P0, P1, P2 or P3); that entry is ignored`);
      continue;
    }
    try {
      values[key] = parse(value, `${setting}.${key}`);
    } catch (e) {
      problems.push(`${(e as Error).message}; using the default ${describe(defaults[key])} instead`);
    }
  }
  return { values, problems };
}
