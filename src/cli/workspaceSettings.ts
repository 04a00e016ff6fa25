/**
 * The CLI reads the same `runbookLens.*` settings as the extension, from the nearest
 * `.vscode/settings.json` above the runbook (JSON with comments, as VS Code writes it), so a
 * drill in a terminal or CI follows the rules the team set in the workspace. Bad values are
 * treated as the extension treats them: a warning on stderr, and the default is used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { readSettingsFrom } from '../core/config/readSettings';
import type { Settings } from '../core/config/schema';

function findSettings(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, '.vscode', 'settings.json');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function readWorkspaceSettings(runbookFile: string, warn: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Settings {
  const file = findSettings(path.dirname(runbookFile));
  let json: unknown;
  if (file) {
    const errors: ParseError[] = [];
    // Like VS Code, keep what parses: a stray comma must not drop the team's deny rules.
    json = parse(fs.readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
    if (errors.length) warn(`runbook-lens: warning: ${file}: not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}); the settings that could be read are used`);
  }
  const values = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const { settings, problems } = readSettingsFrom((key) => values[key]);
  for (const p of problems) warn(`runbook-lens: warning: ${file}: ${p}`);
  return settings;
}
