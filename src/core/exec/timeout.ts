import { parseDuration } from '../time/parseDuration';

/** Parses a timeout attribute: `30`, `30s`, `5m`, `1h`, `1m30s`. Returns seconds, or undefined when malformed. */
export function parseTimeoutSeconds(value: string | undefined): number | undefined {
  const ms = value === undefined ? undefined : parseDuration(value, 's');
  return ms === undefined ? undefined : ms / 1000;
}

/** The block's timeout wins over the default; 0 or less means no timeout. */
export function effectiveTimeoutMs(attribute: string | undefined, defaultSeconds: number): number | undefined {
  const seconds = parseTimeoutSeconds(attribute) ?? defaultSeconds;
  return seconds > 0 ? Math.round(seconds * 1000) : undefined;
}
