/** Builds the effective rule table from the defaults and the user's settings. */
import { DEFAULT_RULES } from './defaultRules';
import type { CommandRule, GuardRules } from './types';

export interface SafetySettings {
  /** Extra destructive command patterns, e.g. `photon-admin reset-device`, `kubectl cp`. */
  extraDestructive?: string[];
  /** Patterns that are refused outright. */
  deny?: string[];
}

function userRule(kind: 'destructive' | 'deny', pattern: string): CommandRule {
  const p = pattern.trim().replace(/\s+/g, ' ');
  return {
    id: `${kind === 'deny' ? 'deny' : 'setting'}: ${p}`,
    pattern: p,
    reason: kind === 'deny' ? 'refused by runbookLens.safety.deny' : 'listed in runbookLens.safety.extraDestructive',
  };
}

export function buildRules(settings: SafetySettings = {}, base: GuardRules = DEFAULT_RULES): GuardRules {
  const clean = (xs: unknown): string[] => (Array.isArray(xs) ? xs.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
  return {
    ...base,
    destructive: [...base.destructive, ...clean(settings.extraDestructive).map((p) => userRule('destructive', p))],
    deny: [...base.deny, ...clean(settings.deny).map((p) => userRule('deny', p))],
  };
}
