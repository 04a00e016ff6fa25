import { scanHiddenUnicode } from '../../guard/hiddenUnicode';
import { diagnostic } from '../codes';
import type { LintDiagnostic, LintInput } from '../types';

/** RL001: invisible, control or look-alike characters in what runs (and in the fence's info string). */
export function hiddenUnicodeRule({ lines, runbook }: LintInput): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const block of runbook.blocks) {
    const scanned = [block.line, ...(block.runLines ?? range(block.bodyStartLine, block.bodyEndLine))];
    for (const line of scanned) {
      for (const h of scanHiddenUnicode(lines[line - 1] ?? '')) {
        const width = h.codePoint > 0xffff ? 2 : 1;
        const edit = { line, column: h.column, endLine: line, endColumn: h.column + width, newText: h.replacement ?? '' };
        const message = h.replacement === undefined
          ? `${h.label} in block ${block.index}: the code may run differently from how it reads. Delete it.`
          : `${h.label} in block ${block.index}: it is another character than the ASCII it passes for. Write ${JSON.stringify(h.replacement)}.`;
        const title = h.replacement === undefined ? `Delete ${h.label}` : `Write ${JSON.stringify(h.replacement)} instead`;
        out.push(diagnostic('RL001', message, { line, column: h.column, endColumn: h.column + width }, { title, edits: [edit] }));
      }
    }
  }
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
