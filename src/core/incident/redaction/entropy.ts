/**
 * A token-shaped word shortly after a credential keyword, where no key/value syntax binds the
 * two: `API token 4fT9…`, `the password is Xk2…`, `Api-Token: dt0…`. The word must look random
 * (long, mixed character classes or long hex/base64, Shannon entropy high), so names such as
 * `db-credentials-7d9f8` or `secret/db-credentials` stay.
 */
import type { SecretSpan } from './spans';

/** Keyword, a few separator characters or short joining words, then the candidate word. */
const NEAR_KEYWORD = /\b(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[ _-]?key|apikey|credentials?|auth[ _-]?key|access[ _-]?key)s?\b(?:[\s"'`:=>(),]|\b(?:is|was|for|of|to|set|now|value|here)\b){1,12}?([A-Za-z0-9_+/=.~-]{16,})/gi;

export const ENTROPY_TRIGGERS = ['pass', 'pwd', 'secret', 'token', 'key', 'credential'];

function shannon(word: string): number {
  const freq = new Map<string, number>();
  for (const c of word) freq.set(c, (freq.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of freq.values()) {
    const p = n / word.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Digests and checksums are often printed next to the word "secret" (`checksum/secret: <sha256>`). */
const DIGEST_CONTEXT = /(?:checksum|digest|sha(?:1|256|512)|hash|fingerprint|md5|etag|resourceversion|uid)[^\n]{0,40}$/i;

export function looksRandom(word: string): boolean {
  if (word.length < 16) return false;
  // Kubernetes-style names (lower-case words and digits joined by dashes or dots), paths, URLs.
  if (/^[a-z0-9]+(?:[-.][a-z0-9]+)+$/.test(word) && !/^[a-f0-9]{32,}$/.test(word.replace(/[-.]/g, ''))) return false;
  if (/^[./~]|:\/\//.test(word) || /^\d+(?:\.\d+)*$/.test(word)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(word)).length;
  const hex = /^[a-fA-F0-9]{32,}$/.test(word);
  const b64 = /^[A-Za-z0-9+/_-]{20,}={0,2}$/.test(word) && classes === 3;
  if (!hex && !b64 && classes < 3) return false;
  return shannon(word) >= (hex ? 3.0 : 3.5);
}

export function entropySpans(text: string, lower: string): SecretSpan[] {
  if (!ENTROPY_TRIGGERS.some((t) => lower.includes(t))) return [];
  const spans: SecretSpan[] = [];
  NEAR_KEYWORD.lastIndex = 0;
  for (let m = NEAR_KEYWORD.exec(text); m; m = NEAR_KEYWORD.exec(text)) {
    const word = m[1].replace(/[.,]+$/, '');
    const start = m.index + m[0].length - m[1].length;
    if (!looksRandom(word) || word.startsWith('REDACTED')) continue;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    if (DIGEST_CONTEXT.test(text.slice(lineStart, start))) continue;
    spans.push({ start, end: start + word.length, kind: 'high-entropy-credential' });
  }
  return spans;
}
