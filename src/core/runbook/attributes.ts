import type { BlockAttributes } from './types';

export interface ParsedAttributes {
  attributes: BlockAttributes;
  errors: string[];
}

const KEY = /^[A-Za-z_][\w.-]*$/;
// Keys that would reach Object.prototype if assigned.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Runme-compatible attributes from an info string such as `sh {"name":"x","timeout":"30"}` or
 * `sh { name=x confirm=true title="two words" }`. Bare `key=value` words between the language
 * and the braces count too (`promql range=30m step=30s`, as issue 7 writes them); the braces win
 * on a conflict, and other extra words are ignored. Never throws: problems in the braces are
 * reported in `errors` and every well-formed pair is still kept.
 */
export function parseAttributes(info: string): ParsedAttributes {
  const attributes: BlockAttributes = {};
  const errors: string[] = [];
  const set = (key: string, value: string): void => {
    if (FORBIDDEN_KEYS.has(key)) errors.push(`attribute name '${key}' is not allowed`);
    else attributes[key] = value;
  };
  const open = info.indexOf('{');
  const words = (open < 0 ? info : info.slice(0, open)).trim().replace(/^\S+/, '');
  // Extra words are free text: no errors for them, only their key=value pairs are kept.
  parseHtmlStyle(`{${words}}`, set, [], false);
  if (open < 0) return { attributes, errors };
  const rest = info.slice(open);
  if (/^\{\s*("|\}|$)/.test(rest)) parseJson(rest, set, errors);
  else parseHtmlStyle(rest, set, errors, true);
  return { attributes, errors };
}

function parseJson(rest: string, set: (k: string, v: string) => void, errors: string[]): void {
  const close = rest.lastIndexOf('}');
  if (close < 0) {
    errors.push('attributes: missing closing }');
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(rest.slice(0, close + 1));
  } catch (err) {
    errors.push(`attributes are not valid JSON: ${(err as Error).message}`);
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    errors.push('attributes must be a JSON object');
    return;
  }
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value === 'string') set(key, value);
    else if (typeof value === 'number' || typeof value === 'boolean') set(key, String(value));
    else errors.push(`attribute '${key}' must be a string, number or boolean`);
  }
}

/**
 * `{ key=value key="quoted value" key='single' }`, pairs separated by whitespace or commas;
 * a value containing spaces, commas or `}` must be quoted. In braces, `key=` and a bare `key`
 * are kept with the value "", as Runme keeps them; in the free words before the braces only
 * `key=value` pairs count (`bash linenums x=` has no attributes).
 */
function parseHtmlStyle(rest: string, set: (k: string, v: string) => void, errors: string[], inBraces: boolean): void {
  let i = 1;
  const n = rest.length;
  for (;;) {
    while (i < n && /[\s,]/.test(rest[i])) i++;
    if (i >= n) {
      errors.push('attributes: missing closing }');
      return;
    }
    if (rest[i] === '}') return;
    const keyStart = i;
    while (i < n && !/[\s=},]/.test(rest[i])) i++;
    const key = rest.slice(keyStart, i);
    if (rest[i] !== '=') {
      if (!inBraces) continue;
      if (!KEY.test(key)) errors.push(`'${key}' is not a valid attribute name`);
      else set(key, '');
      continue;
    }
    i++;
    let value = '';
    const quote = rest[i];
    if (quote === '"' || quote === "'") {
      const end = closingQuote(rest, i + 1, quote);
      if (end < 0) {
        errors.push(`attribute '${key}': unterminated ${quote} quote`);
        return;
      }
      value = rest.slice(i + 1, end).replace(/\\(["'\\])/g, '$1');
      i = end + 1;
    } else {
      const valueStart = i;
      while (i < n && !/[\s,}]/.test(rest[i])) i++;
      value = rest.slice(valueStart, i);
      if (value === '' && !inBraces) continue;
    }
    if (!KEY.test(key)) errors.push(`'${key}' is not a valid attribute name`);
    else set(key, value);
  }
}

function closingQuote(s: string, from: number, quote: string): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === quote) return i;
  }
  return -1;
}

/** `{ serviceProxy=false }` turns the in-cluster address proxy off for one block; on otherwise. */
export function serviceProxyWanted(attributes: BlockAttributes): boolean {
  return attributes.serviceProxy?.trim().toLowerCase() !== 'false';
}
