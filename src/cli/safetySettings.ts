/**
 * The CLI reads the same `runbookLens.safety.*` settings as the extension, from the nearest
 * `.vscode/settings.json` above the runbook (JSON with comments, as VS Code writes it), so a
 * drill in a terminal or CI is guarded by the rules the team set in the workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { DEFAULT_PROTECTED } from '../core/guard/confirmation';
import { buildRules } from '../core/guard/rules';
import type { GuardRules } from '../core/guard/types';
import { UsageError } from './args';

export interface CliSafety {
  rules: GuardRules;
  protectedPatterns: string[];
}

function findSettings(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, '.vscode', 'settings.json');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function strings(value: unknown, key: string, file: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new UsageError(`${file}: ${key} must be a list of strings`);
  return value as string[];
}

export function readCliSafety(runbookFile: string): CliSafety {
  const file = findSettings(path.dirname(runbookFile));
  if (!file) return { rules: buildRules(), protectedPatterns: DEFAULT_PROTECTED };
  const errors: ParseError[] = [];
  const json = parse(fs.readFileSync(file, 'utf8'), errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  if (errors.length) throw new UsageError(`${file}: not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})`);
  const get = (key: string) => json?.[`runbookLens.safety.${key}`];
  return {
    rules: buildRules({ extraDestructive: strings(get('extraDestructive'), 'runbookLens.safety.extraDestructive', file), deny: strings(get('deny'), 'runbookLens.safety.deny', file) }),
    protectedPatterns: strings(get('protectedContexts'), 'runbookLens.safety.protectedContexts', file) ?? DEFAULT_PROTECTED,
  };
}
