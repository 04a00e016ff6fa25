import type { LintDiagnostic, LintFix, LintSeverity } from './types';

/** Every diagnostic code, its severity and a short name. Codes are stable: add, never renumber. */
export const LINT_CODES = {
  RL001: { severity: 'error', name: 'hidden-unicode' },
  RL002: { severity: 'warning', name: 'destructive-without-confirm' },
  RL003: { severity: 'information', name: 'unlabeled-shell-block' },
  RL004: { severity: 'warning', name: 'console-without-prompts' },
  RL005: { severity: 'error', name: 'duplicate-block-name' },
  RL006: { severity: 'warning', name: 'unknown-attribute' },
  RL007: { severity: 'error', name: 'malformed-attributes' },
  RL008: { severity: 'warning', name: 'invalid-attribute-value' },
  RL009: { severity: 'warning', name: 'placeholder-typo' },
  RL010: { severity: 'warning', name: 'block-without-heading' },
  RL011: { severity: 'information', name: 'console-script' },
} as const satisfies Record<string, { severity: LintSeverity; name: string }>;

export type LintCode = keyof typeof LINT_CODES;

export function diagnostic(
  code: LintCode,
  message: string,
  at: { line: number; column: number; endLine?: number; endColumn: number },
  fix?: LintFix,
): LintDiagnostic {
  const d: LintDiagnostic = {
    code,
    severity: LINT_CODES[code].severity,
    message,
    line: at.line,
    column: at.column,
    endLine: at.endLine ?? at.line,
    endColumn: at.endColumn,
  };
  if (fix) d.fix = fix;
  return d;
}
