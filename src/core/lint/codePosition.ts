import type { RunbookBlock } from '../runbook/types';

/**
 * Maps a 1-based line and 0-based column in a block's runnable `code` to the document. Each
 * code line is the tail of a document line (list indentation, `>` markers and transcript
 * prompts are cut from the front), so its column shifts by what was cut.
 */
export function codeToDocument(block: RunbookBlock, lines: string[], codeLine: number, column: number): { line: number; column: number } {
  const codeLines = block.code.split('\n');
  const line = block.runLines?.[codeLine - 1] ?? block.bodyStartLine + codeLine - 1;
  const raw = lines[line - 1] ?? '';
  const text = codeLines[codeLine - 1] ?? '';
  const shift = raw.endsWith(text) ? raw.length - text.length : Math.max(0, raw.indexOf(text));
  return { line, column: Math.min(raw.length, shift + column) };
}
