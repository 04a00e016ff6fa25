/** A found secret: the characters [start, end) of the text are replaced by `[REDACTED:kind]`. */
export interface SecretSpan {
  start: number;
  end: number;
  kind: string;
}

export const MARKER_PREFIX = '[REDACTED:';
export const marker = (kind: string): string => `${MARKER_PREFIX}${kind}]`;

/** A value that is itself a marker is not counted again (redaction is idempotent). */
const ALREADY = /^\[REDACTED:[a-z0-9-]+\]$/;

/** Replaces the spans (overlaps merged, the earliest span's kind wins) and counts them by kind. */
export function applySpans(text: string, spans: SecretSpan[]): { text: string; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  if (spans.length === 0) return { text, counts };
  const sorted = spans.filter((s) => s.end > s.start && !ALREADY.test(text.slice(s.start, s.end))).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i];
    let end = first.end;
    while (++i < sorted.length && sorted[i].start < end) end = Math.max(end, sorted[i].end);
    out += text.slice(at, first.start) + marker(first.kind);
    counts[first.kind] = (counts[first.kind] ?? 0) + 1;
    at = end;
  }
  return { text: out + text.slice(at), counts };
}

/** A PEM block keeps its BEGIN and END lines readable; only the key material between them goes. */
export function pemBody(text: string, start: number, end: number): SecretSpan {
  const marker = text.indexOf('-----', start + 5);
  let from = marker + 5;
  let to = text.lastIndexOf('-----END', end);
  if (marker < 0 || to <= from) return { start, end, kind: 'private-key' };
  const newline = /^(?:\r?\n|\\n)/.exec(text.slice(from, from + 2));
  if (newline) from += newline[0].length;
  const before = /(?:\r?\n|\\n)$/.exec(text.slice(Math.max(from, to - 2), to));
  if (before) to -= before[0].length;
  return { start: from, end: Math.max(from, to), kind: 'private-key' };
}

/** Characters a token is made of: a span that stops inside them is carried on to the word's end. */
export const TOKEN_CHAR = /[A-Za-z0-9_\-+/=.~%]/;
/** Kinds whose span is already exactly the secret's extent (multi-line bodies, header values). */
const EXACT_KINDS = new Set(['private-key', 'cookie', 'k8s-secret-data', 'url-credentials']);

/**
 * No half-redacted tokens: a rule whose pattern ends before the token does (`xapp-1-…-…` with a
 * longer last part than the rule allows) still removes the whole word.
 */
export function wholeTokens(text: string, spans: SecretSpan[]): SecretSpan[] {
  return spans.map((s) => {
    if (EXACT_KINDS.has(s.kind)) return s;
    let end = s.end;
    while (end < text.length && TOKEN_CHAR.test(text[end]) && !text.startsWith(MARKER_PREFIX, end)) end++;
    return end === s.end ? s : { ...s, end };
  });
}
