import { parseTimeoutSeconds } from '../exec/timeout';
import { parsePromDuration } from '../integrations/promDuration';

const BOOLEAN = (v: string) => (/^(true|false)$/i.test(v) ? undefined : 'expected true or false');
const DURATION = (v: string) => (parseTimeoutSeconds(v) === undefined ? 'expected seconds or a duration such as 30s, 5m, 1h30m' : undefined);
const PROM_DURATION = (v: string) => {
  try {
    parsePromDuration(v);
    return undefined;
  } catch {
    return 'expected a Prometheus duration such as 30s, 5m, 1h';
  }
};
const NON_EMPTY = (v: string) => (v.trim() === '' ? 'expected a non-empty value' : undefined);

/** Returns why a value is wrong, or undefined when it is fine. */
export type ValueCheck = (value: string) => string | undefined;

/** Attributes Runbook Lens honours, with a check of their values. */
export const HONOURED_ATTRIBUTES: Record<string, ValueCheck> = {
  name: NON_EMPTY,
  cwd: NON_EMPTY,
  timeout: DURATION,
  interactive: BOOLEAN,
  confirm: BOOLEAN,
  excludeFromRunAll: BOOLEAN,
  background: BOOLEAN,
  errexit: BOOLEAN,
  pipefail: BOOLEAN,
  promptEnv: (v) => (/^(true|false|yes|no|auto|always|never)$/i.test(v) ? undefined : 'expected true, false, auto, always or never'),
  range: PROM_DURATION,
  step: PROM_DURATION,
  serviceProxy: BOOLEAN,
};

/** Runme attributes that are common in the wild: accepted without complaint, not acted on. */
export const RUNME_ATTRIBUTES = new Set([
  'id',
  'category',
  'closeTerminalOnSuccess',
  'interpreter',
  'mimeType',
  'openTerminalOnError',
  'skipPrompts',
  'terminalRows',
  'title',
]);

export function isKnownAttribute(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(HONOURED_ATTRIBUTES, key) || RUNME_ATTRIBUTES.has(key);
}

export function allKnownAttributes(): string[] {
  return [...Object.keys(HONOURED_ATTRIBUTES), ...RUNME_ATTRIBUTES];
}
