/**
 * Run Selection: the part of one block that a range of runbook lines covers, as a block of its
 * own (same name, section and attributes) whose code is only those lines, so placeholders, the
 * guard and the recording all see exactly what will run.
 */
import { describeBlock, linesText } from './blockLabel';
import { findPlaceholders, placeholderNames } from './placeholders';
import type { Runbook, RunbookBlock } from './types';

export type LineSelection = { ok: true; block: RunbookBlock } | { ok: false; error: string };

function fail(error: string): LineSelection {
  return { ok: false, error };
}

/** The runbook line of each code line: through `runLines` (transcripts), else body line by body line. */
export function codeLineNumbers(block: RunbookBlock): { text: string; line: number }[] {
  const lines = block.code.replace(/\n$/, '').split('\n');
  const map = block.runLines && block.runLines.length === lines.length ? block.runLines : undefined;
  return lines.map((text, i) => ({ text, line: map ? map[i] : block.bodyStartLine + i }));
}

/** The lines `start`..`end` (1-based, inclusive) of `block`, which must lie inside the block. */
export function selectBlockLines(block: RunbookBlock, start: number, end: number): LineSelection {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start) return fail(`lines ${start}–${end} are not a range of lines`);
  const name = describeBlock(block);
  if (start < block.line || end > block.endLine) {
    return fail(`${linesText([start, end])} ${start === end ? 'is' : 'go'} outside ${name} (lines ${block.line}–${block.endLine}): select lines of one block`);
  }
  if (block.kind !== 'shell') return fail(`${name} is a ${block.lang} query: only shell lines can be run on their own`);
  const from = Math.max(start, block.bodyStartLine);
  const to = Math.min(end, block.bodyEndLine);
  const picked = codeLineNumbers(block).filter((l) => l.line >= from && l.line <= to);
  if (!picked.some((l) => l.text.trim() !== '')) {
    const why = block.transcript ? ' (in a transcript only the `$ ` prompt lines run)' : '';
    return fail(`the selection has no command of ${name} to run${why}`);
  }
  const code = picked.map((l) => l.text).join('\n') + (block.code.endsWith('\n') ? '\n' : '');
  const found = findPlaceholders(code, 'shell');
  const ran = new Set(picked.map((l) => l.line));
  const selectedLines: [number, number] = [picked[0].line, picked[picked.length - 1].line];
  return {
    ok: true,
    block: {
      ...block,
      code,
      runLines: picked.map((l) => l.line),
      placeholders: placeholderNames(found),
      placeholderRefs: block.placeholderRefs.filter((p) => ran.has(p.line)),
      selectedLines,
    },
  };
}

/** The block that runbook lines `start`..`end` fall in, cut down to them; an error when they are not inside exactly one block. */
export function selectRunbookLines(runbook: Runbook, start: number, end: number): LineSelection {
  const touched = runbook.blocks.filter((b) => b.line <= end && start <= b.endLine);
  const range = linesText([start, end]);
  if (touched.length === 0) return fail(`${range} ${start === end ? 'is' : 'are'} not inside a runnable block`);
  if (touched.length > 1) {
    return fail(`${range} span ${touched.length} blocks (${touched.map((b) => describeBlock(b)).join(', ')}): select lines of one block`);
  }
  return selectBlockLines(touched[0], start, end);
}
