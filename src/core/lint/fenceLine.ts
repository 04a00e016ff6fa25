import type { LintEdit } from './types';

/** Where the parts of an opening fence line are, as 0-based columns of the raw line. */
export interface FenceLineParts {
  /** After the fence characters (```` ``` ```` or `~~~`), where the info string may start. */
  markerEnd: number;
  /** The info string, trimmed: [infoStart, infoEnd). */
  infoStart: number;
  infoEnd: number;
  /** The language word: [infoStart, langEnd). */
  langEnd: number;
  /** The attribute list `{…}` when there is one: [attrStart, attrEnd). */
  attrStart?: number;
  attrEnd?: number;
  /** JSON (`{"name":"x"}`) or HTML-style (`{ name=x }`) attributes. */
  json: boolean;
}

/** Container prefix (indentation, `>` markers), then the fence, then the info string. */
const FENCE = /^([ \t>]*?)(`{3,}|~{3,})(.*)$/;

export function fenceLineParts(text: string): FenceLineParts | undefined {
  const m = FENCE.exec(text);
  if (!m) return undefined;
  const markerEnd = m[1].length + m[2].length;
  const rest = m[3];
  const lead = rest.length - rest.trimStart().length;
  const infoStart = markerEnd + lead;
  const infoEnd = markerEnd + rest.trimEnd().length;
  const langEnd = infoStart + (/^[^\s{]*/.exec(text.slice(infoStart, infoEnd))?.[0].length ?? 0);
  const open = text.indexOf('{', langEnd);
  const parts: FenceLineParts = { markerEnd, infoStart, infoEnd: Math.max(infoStart, infoEnd), langEnd, json: false };
  if (open >= 0 && open < infoEnd) {
    const close = text.lastIndexOf('}', infoEnd - 1);
    parts.attrStart = open;
    parts.attrEnd = close > open ? close + 1 : infoEnd;
    parts.json = /^\{\s*("|\})/.test(text.slice(open));
  }
  return parts;
}

/** Range of `key=value` / `"key":value` on the fence line, or of the key alone when `keyOnly`. */
export function attributeColumns(text: string, key: string, keyOnly = false): { start: number; end: number } | undefined {
  const parts = fenceLineParts(text);
  if (!parts || parts.attrStart === undefined) return undefined;
  const attrs = text.slice(parts.attrStart, parts.attrEnd);
  const k = escapeRegExp(key);
  const re = parts.json
    ? new RegExp(`"${k}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|[^,}\\s]+)?`)
    : new RegExp(`(?<=[{\\s,])${k}(?:=("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|[^\\s,}]*))?`);
  const m = re.exec(attrs);
  if (!m) return undefined;
  const start = parts.attrStart + m.index;
  const keyLength = parts.json ? key.length + 2 : key.length;
  return { start, end: keyOnly ? start + keyLength : start + m[0].length };
}

/**
 * Sets `key` to `value` in the info string, keeping the author's style: an existing value is
 * replaced, JSON lists get `"key":"value"`, HTML-style lists get `key=value`, and a block
 * without attributes gets `{ key=value }` (Runme's readable style).
 */
export function setAttributeEdit(text: string, line: number, key: string, value: string): LintEdit | undefined {
  const parts = fenceLineParts(text);
  if (!parts) return undefined;
  const at = (column: number, endColumn: number, newText: string): LintEdit => ({ line, column, endLine: line, endColumn, newText });
  if (parts.attrStart === undefined || parts.attrEnd === undefined) {
    return at(parts.infoEnd, parts.infoEnd, `${parts.infoEnd > parts.infoStart ? ' ' : ''}{ ${key}=${value} }`);
  }
  const existing = attributeColumns(text, key);
  if (existing) {
    return at(existing.start, existing.end, parts.json ? `"${key}":${JSON.stringify(value)}` : `${key}=${value}`);
  }
  const close = parts.attrEnd - 1;
  if (text[close] !== '}') return undefined;
  if (parts.json) {
    const empty = /^\{\s*$/.test(text.slice(parts.attrStart, close));
    return at(close, close, `${empty ? '' : ','}"${key}":${JSON.stringify(value)}`);
  }
  return text[close - 1] === ' ' || text[close - 1] === '\t'
    ? at(close, close, `${key}=${value} `)
    : at(close, close, ` ${key}=${value}`);
}

/** Gives a fence a language: inserts it after the fence characters, or replaces the current one. */
export function setLanguageEdit(text: string, line: number, lang: string): LintEdit | undefined {
  const parts = fenceLineParts(text);
  if (!parts) return undefined;
  if (parts.langEnd > parts.infoStart) {
    return { line, column: parts.infoStart, endLine: line, endColumn: parts.langEnd, newText: lang };
  }
  const needsSpace = parts.infoEnd > parts.infoStart && !/\s/.test(text[parts.markerEnd] ?? '');
  return { line, column: parts.markerEnd, endLine: line, endColumn: parts.markerEnd, newText: needsSpace ? `${lang} ` : lang };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
