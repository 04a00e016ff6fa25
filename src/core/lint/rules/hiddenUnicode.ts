import { scanHiddenUnicode } from '../../guard/hiddenUnicode';
import { diagnostic } from '../codes';
import type { LintDiagnostic, LintInput } from '../types';

/** RL001: invisible or bidirectional characters in what runs (and in the fence's info string). */
export function hiddenUnicodeRule({ lines, runbook }: LintInput): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const block of runbook.blocks) {
    const scanned = [block.line, ...(block.runLines ?? range(block.bodyStartLine, block.bodyEndLine))];
    for (const line of scanned) {
      for (const h of scanHiddenUnicode(lines[line - 1] ?? '')) {
        const width = h.codePoint > 0xffff ? 2 : 1;
        out.push(diagnostic('RL001', `${h.label} in block ${block.index}: the code may run differently from how it reads. Delete it.`, {
          line,
          column: h.column,
          endColumn: h.column + width,
        }, { title: `Delete ${h.label}`, edits: [{ line, column: h.column, endLine: line, endColumn: h.column + width, newText: '' }] }));
      }
    }
  }
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
