import * as vscode from 'vscode';
import { DEFAULT_PROTECTED } from '../../core/guard/confirmation';
import { buildRules } from '../../core/guard/rules';
import type { GuardRules } from '../../core/guard/types';

export interface SafetyConfig {
  rules: GuardRules;
  protectedPatterns: string[];
}

/** `runbookLens.safety.*`: extra destructive patterns, deny patterns, protected contexts. */
export function readSafety(scope?: vscode.Uri): SafetyConfig {
  const c = vscode.workspace.getConfiguration('runbookLens.safety', scope);
  const list = (key: string): string[] => (c.get<unknown[]>(key) ?? []).filter((x): x is string => typeof x === 'string');
  const protectedPatterns = list('protectedContexts');
  return {
    rules: buildRules({ extraDestructive: list('extraDestructive'), deny: list('deny') }),
    protectedPatterns: c.get('protectedContexts') === undefined ? DEFAULT_PROTECTED : protectedPatterns,
  };
}
