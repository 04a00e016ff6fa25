import { diagnostic } from '../codes';
import { editDistance } from '../editDistance';
import { attributeColumns, fenceLineParts } from '../fenceLine';
import { fenceRange } from '../fenceRange';
import { allKnownAttributes, HONOURED_ATTRIBUTES, isKnownAttribute } from '../knownAttributes';
import type { LintDiagnostic, LintInput } from '../types';

/**
 * RL007: an attribute list that does not parse (the block's attributes may be partly ignored,
 * confirm=true included); RL006: a key we do not know, with a fix when it is a near miss of one
 * we do; RL008: a value a known key cannot take.
 */
export function attributesRule({ lines, runbook }: LintInput): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const block of runbook.blocks) {
    const text = lines[block.line - 1] ?? '';
    const parts = fenceLineParts(text);
    const listRange = parts?.attrStart !== undefined && parts.attrEnd !== undefined
      ? { line: block.line, column: parts.attrStart, endColumn: parts.attrEnd }
      : fenceRange(lines, block.line);
    for (const error of block.attributeErrors) {
      out.push(diagnostic('RL007', `Block ${block.index}: ${error}.`, listRange));
    }
    for (const [key, value] of Object.entries(block.attributes)) {
      if (value === undefined) continue;
      const keyCols = attributeColumns(text, key, true);
      const keyRange = keyCols ? { line: block.line, column: keyCols.start, endColumn: keyCols.end } : listRange;
      if (!isKnownAttribute(key)) {
        const suggestion = nearest(key);
        out.push(diagnostic(
          'RL006',
          `Unknown attribute '${key}'${suggestion ? `; did you mean '${suggestion}'?` : ' (Runbook Lens ignores it)'}`,
          keyRange,
          suggestion && keyCols ? { title: `Change to '${suggestion}'`, edits: [renameKey(text, block.line, keyCols, key, suggestion)] } : undefined,
        ));
        continue;
      }
      const problem = HONOURED_ATTRIBUTES[key]?.(value);
      if (problem) {
        const cols = attributeColumns(text, key);
        out.push(diagnostic(
          'RL008',
          `Attribute ${key}="${value}": ${problem}.`,
          cols ? { line: block.line, column: cols.start, endColumn: cols.end } : keyRange,
        ));
      }
    }
  }
  return out;
}

/** The known key closest to a mistyped one (case-insensitive, at most 2 edits), if any. */
function nearest(key: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of allKnownAttributes()) {
    const d = editDistance(key.toLowerCase(), name.toLowerCase());
    const limit = name.length <= 4 ? 1 : 2;
    if (d <= limit && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function renameKey(text: string, line: number, cols: { start: number; end: number }, key: string, to: string) {
  const quoted = text[cols.start] === '"';
  return { line, column: cols.start, endLine: line, endColumn: cols.end, newText: quoted ? `"${to}"` : to };
}
