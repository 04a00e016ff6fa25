import { createRedactor, mergeCounts, type RedactorOptions } from './redact';

/**
 * Redacts a stream of text. A secret can be split across two chunks, so the unfinished last
 * line is held back until its newline (or `end()`) arrives, then redacted whole; multi-line
 * secrets (PEM keys, Secret data blocks) are tracked across chunks by the redactor's state.
 */
export interface StreamRedactor {
  push(chunk: string): string;
  end(): string;
  /** Replacements made so far, by kind. */
  counts(): Record<string, number>;
  /** See Redactor.idle. */
  idle(): boolean;
}

export function createStreamRedactor(options: RedactorOptions = {}): StreamRedactor {
  const redactor = createRedactor(options);
  let counts: Record<string, number> = {};
  const take = (r: { text: string; counts: Record<string, number> }): string => {
    counts = mergeCounts(counts, r.counts);
    return r.text;
  };
  return {
    push: (chunk) => (chunk ? take(redactor.push(chunk)) : ''),
    end: () => take(redactor.end()),
    counts: () => ({ ...counts }),
    idle: () => redactor.idle(),
  };
}
