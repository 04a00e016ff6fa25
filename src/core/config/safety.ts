import { buildRules } from '../guard/rules';
import type { GuardRules } from '../guard/types';
import type { Settings } from './schema';

export interface SafetyConfig {
  rules: GuardRules;
  protectedPatterns: string[];
}

/** The guard's rule table and protected contexts from `runbookLens.safety.*`. */
export function safetyConfig(s: Pick<Settings, 'safetyExtraDestructive' | 'safetyDeny' | 'safetyProtectedContexts'>): SafetyConfig {
  return { rules: buildRules({ extraDestructive: s.safetyExtraDestructive, deny: s.safetyDeny }), protectedPatterns: s.safetyProtectedContexts };
}
