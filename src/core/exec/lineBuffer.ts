/**
 * Holds back the unfinished last line of a stream so that line-based filters (ANSI
 * stripping, redaction) never see half an escape sequence or half a secret. A line longer
 * than `maxPending` is released anyway so memory stays bounded.
 */
export interface LineBuffer {
  /** Returns the complete lines now available (each ending in \n), or '' if none. */
  push(chunk: string): string;
  /** Returns whatever is still held back. */
  end(): string;
}

export const DEFAULT_MAX_PENDING = 64 * 1024;
/** On a forced release, an escape sequence that starts this close to the end is kept back. */
const ESCAPE_TAIL = 256;

export function createLineBuffer(maxPending: number = DEFAULT_MAX_PENDING): LineBuffer {
  let pending = '';
  return {
    push(chunk: string): string {
      if (!chunk) return '';
      pending += chunk;
      const nl = pending.lastIndexOf('\n');
      let out = '';
      if (nl >= 0) {
        out = pending.slice(0, nl + 1);
        pending = pending.slice(nl + 1);
      }
      if (pending.length > maxPending) {
        const esc = pending.lastIndexOf('\u001b');
        const cut = esc >= 0 && pending.length - esc < ESCAPE_TAIL ? esc : pending.length;
        out += pending.slice(0, cut);
        pending = pending.slice(cut);
      }
      return out;
    },
    end(): string {
      const out = pending;
      pending = '';
      return out;
    },
  };
}
