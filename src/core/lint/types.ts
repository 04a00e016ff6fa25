import type { Runbook } from '../runbook/types';
import type { Assessment } from '../guard/types';

export type LintSeverity = 'error' | 'warning' | 'information';

/** A text replacement. Lines are 1-based, columns 0-based (UTF-16 units), like a VS Code Range shifted by one line. */
export interface LintEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface LintFix {
  title: string;
  edits: LintEdit[];
}

export interface LintDiagnostic {
  /** Stable code, e.g. `RL002`: never reused for another meaning. */
  code: string;
  severity: LintSeverity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: LintFix;
}

/** What every rule gets: the text split like the parser splits it, and the parsed runbook. */
export interface LintInput {
  lines: string[];
  runbook: Runbook;
  /** The classifier's verdict per shell block index (computed once, shared by rules). */
  assessments: Map<number, Assessment>;
}

export type LintRule = (input: LintInput) => LintDiagnostic[];
