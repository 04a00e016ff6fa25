import { createLineBuffer } from '../../exec/lineBuffer';
import { mergeCounts, redactText } from './redact';

/**
 * Redacts a stream of text. A secret can be split across two chunks, so the unfinished last
 * line is held back until its newline (or `end()`) arrives, then redacted whole.
 */
export interface StreamRedactor {
  push(chunk: string): string;
  end(): string;
  /** Replacements made so far, by kind. */
  counts(): Record<string, number>;
}

export function createStreamRedactor(): StreamRedactor {
  const lines = createLineBuffer();
  let counts: Record<string, number> = {};
  const redact = (text: string): string => {
    if (!text) return '';
    const r = redactText(text);
    counts = mergeCounts(counts, r.counts);
    return r.text;
  };
  return {
    push: (chunk) => redact(lines.push(chunk)),
    end: () => redact(lines.end()),
    counts: () => ({ ...counts }),
  };
}
