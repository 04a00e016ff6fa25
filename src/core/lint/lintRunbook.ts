import { assessCode } from '../guard/classify';
import type { Assessment, GuardRules } from '../guard/types';
import { parseRunbook } from '../runbook/parse';
import { sourceLines } from '../runbook/sourceLines';
import type { Runbook } from '../runbook/types';
import { attributesRule } from './rules/attributes';
import { blockWithoutHeadingRule } from './rules/blockWithoutHeading';
import { consoleWithoutPromptsRule } from './rules/consoleWithoutPrompts';
import { destructiveWithoutConfirmRule } from './rules/destructiveWithoutConfirm';
import { duplicateNameRule } from './rules/duplicateName';
import { hiddenUnicodeRule } from './rules/hiddenUnicode';
import { placeholderTypoRule } from './rules/placeholderTypo';
import { unlabeledShellRule } from './rules/unlabeledShell';
import type { LintDiagnostic, LintRule } from './types';

const RULES: LintRule[] = [
  hiddenUnicodeRule,
  destructiveWithoutConfirmRule,
  unlabeledShellRule,
  consoleWithoutPromptsRule,
  duplicateNameRule,
  attributesRule,
  placeholderTypoRule,
  blockWithoutHeadingRule,
];

export interface LintOptions {
  /** Guard rules (the user's deny/destructive settings); the defaults otherwise. */
  guardRules?: GuardRules;
  /** An already parsed runbook for `text` (the editor caches one per document version). */
  runbook?: Runbook;
}

/** Every diagnostic for a runbook, sorted by position. Never throws on any text. */
export async function lintRunbook(text: string, options: LintOptions = {}): Promise<LintDiagnostic[]> {
  const runbook = options.runbook ?? parseRunbook(text);
  // The parser drops a leading BOM; so must the lines, or columns on line 1 shift by one.
  const lines = sourceLines(text.replace(/^\uFEFF/, ''));
  const assessments = new Map<number, Assessment>();
  for (const block of runbook.blocks) {
    if (block.kind !== 'shell' || block.code.trim() === '') continue;
    assessments.set(block.index, await assessCode(block.code, options.guardRules, { placeholders: block.placeholders }));
  }
  const input = { lines, runbook, assessments };
  return RULES.flatMap((rule) => rule(input)).sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
