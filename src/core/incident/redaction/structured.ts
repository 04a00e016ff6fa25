/**
 * Secrets that span lines or need structure to see: PEM private keys, and the values under
 * `data:` / `stringData:` / `binaryData:` of a Kubernetes Secret in YAML (block mappings, values
 * continued on following lines, block scalars) and JSON (pretty-printed, one-line, or escaped
 * inside an annotation). The state carries over between batches, so a stream split anywhere
 * between lines is handled. ConfigMaps and API responses (Prometheus) print the same `data`
 * shape and kubectl prints `kind` after `data`, so we cannot wait for the kind: instead, under
 * `data`/`binaryData` only values that are padded base64 (what the API always returns for a
 * Secret) are redacted, and under `stringData` every value.
 */
import type { SecretSpan } from './spans';

export interface StructureState {
  /** Inside a PEM private key: lines left before we give up waiting for END. */
  pem: number;
  /** Inside a YAML data mapping whose key sits at this column; -1 when not. */
  yamlIndent: number;
  /** Column of the first entry under the YAML data key (set by the first entry). */
  yamlChild: number;
  /** Under `stringData`: every value is a secret, not only base64 ones. */
  anyValue: boolean;
  /** Inside a pretty-printed JSON data object: current brace depth; 0 when not. */
  jsonDepth: number;
}

export const initialState = (): StructureState => ({ pem: 0, yamlIndent: -1, yamlChild: -1, anyValue: false, jsonDepth: 0 });

/** Secret `data` values are padded base64; anything else under `data` is not a Secret's. */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
function secretValue(value: string, anyValue: boolean): boolean {
  return value !== '' && (anyValue || (BASE64.test(value) && value.length % 4 === 0));
}

const PEM_MAX_LINES = 500;
const KIND = 'k8s-secret-data';
const PEM_BEGIN = /-----BEGIN[A-Z ]*PRIVATE KEY(?: BLOCK)?-----/;
const PEM_END = /-----END[A-Z ]*PRIVATE KEY(?: BLOCK)?-----/;
const YAML_DATA_KEY = /^( *)(?:- +)?(data|stringData|binaryData):[ \t]*(?:#.*)?$/;
const JSON_DATA_OPEN = /"(data|stringData|binaryData)"\s*:\s*\{\s*$/;
const INLINE_DATA = /(\\?")(data|stringData|binaryData)\1\s*:\s*\{/g;
const CONFIGMAP_HINT = /\bconfigmaps?\b|\bcm\b|"kind\\?"\s*:\s*\\?"ConfigMap/i;

/** Literals one of which a batch needs to start a structure (also read by the trigger gate). */
export const STRUCTURE_TRIGGERS = ['PRIVATE KEY', 'ata:', 'ata"', 'ata\\"'];

/** Cheap test: can this batch start a structure at all? */
export function mayHaveStructure(text: string): boolean {
  return STRUCTURE_TRIGGERS.some((t) => text.includes(t));
}

export function inStructure(s: StructureState): boolean {
  return s.pem > 0 || s.yamlIndent >= 0 || s.jsonDepth > 0;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}

/** Values of a one-line JSON object starting at `open` (the `{`), with `q` as the quote token. */
function inlineObjectValues(line: string, open: number, q: string, anyValue: boolean, base: number, spans: SecretSpan[]): void {
  let depth = 0;
  let expectValue = false;
  for (let i = open; i < line.length; i++) {
    if (line.startsWith(q, i)) {
      const start = i + q.length;
      let end = start;
      while (end < line.length && !line.startsWith(q, end)) end += q === '"' && line[end] === '\\' ? 2 : 1;
      if (expectValue && secretValue(line.slice(start, end), anyValue)) spans.push({ start: base + start, end: base + end, kind: KIND });
      expectValue = false;
      i = end + q.length - 1;
      continue;
    }
    const c = line[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') { if (--depth === 0) return; }
    else if (c === ':') expectValue = true;
    else if (c === ',') expectValue = false;
    else if (expectValue && /\S/.test(c)) expectValue = false;
  }
}

function inlineData(line: string, base: number, spans: SecretSpan[]): void {
  if (CONFIGMAP_HINT.test(line)) return;
  INLINE_DATA.lastIndex = 0;
  for (let m = INLINE_DATA.exec(line); m; m = INLINE_DATA.exec(line)) {
    const open = m.index + m[0].length - 1;
    if (line.slice(open + 1).trim() === '') continue; // pretty-printed: handled line by line
    inlineObjectValues(line, open, m[1], m[2] === 'stringData', base, spans);
  }
}

/** The value part of one line inside a YAML data mapping. */
function yamlValue(line: string, s: StructureState, base: number, spans: SecretSpan[]): void {
  const indent = indentOf(line);
  if (s.yamlChild < 0) s.yamlChild = indent;
  let from = indent;
  if (indent === s.yamlChild) {
    const colon = line.indexOf(':', indent);
    if (colon < 0) return;
    from = colon + 1;
  }
  while (from < line.length && (line[from] === ' ' || line[from] === '\t')) from++;
  let to = line.length;
  while (to > from && /\s/.test(line[to - 1])) to--;
  const value = line.slice(from, to);
  if (value === '' || /^[|>][-+0-9]*$/.test(value)) return;
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0];
  if (!secretValue(quoted ? value.slice(1, -1) : value, s.anyValue)) return;
  spans.push({ start: base + from + (quoted ? 1 : 0), end: base + to - (quoted ? 1 : 0), kind: KIND });
}

/** String values (and scalars) of one line of a pretty-printed JSON data object; updates the depth. */
function jsonLine(line: string, s: StructureState, base: number, spans: SecretSpan[]): void {
  const colon = /^\s*"(?:[^"\\]|\\.)*"\s*:\s*/.exec(line);
  if (colon && s.jsonDepth === 1) {
    const rest = line.slice(colon[0].length);
    const str = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    const from = base + colon[0].length;
    if (str && secretValue(str[1], s.anyValue)) spans.push({ start: from + 1, end: from + 1 + str[1].length, kind: KIND });
  }
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) { if (c === '\\') i++; else if (c === '"') inString = false; continue; }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') s.jsonDepth++;
    else if (c === '}' || c === ']') s.jsonDepth--;
  }
  if (s.jsonDepth < 0) s.jsonDepth = 0;
}

/** Spans of structured secrets in `text` (whole lines), advancing `s`. */
export function structuredSpans(text: string, s: StructureState): SecretSpan[] {
  const spans: SecretSpan[] = [];
  let base = 0;
  while (base < text.length) {
    const nl = text.indexOf('\n', base);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(base, lineEnd).replace(/\r$/, '');
    scanLine(line, s, base, spans);
    base = lineEnd + 1;
  }
  return spans;
}

function scanLine(line: string, s: StructureState, base: number, spans: SecretSpan[]): void {
  if (s.pem > 0) {
    const end = PEM_END.exec(line);
    spans.push({ start: base, end: base + (end ? end.index : line.length), kind: 'private-key' });
    s.pem = end ? 0 : s.pem - 1;
    return;
  }
  if (s.yamlIndent >= 0) {
    if (line.trim() === '') return;
    if (indentOf(line) > s.yamlIndent) { yamlValue(line, s, base, spans); return; }
    s.yamlIndent = -1;
    s.yamlChild = -1;
  }
  if (s.jsonDepth > 0) {
    jsonLine(line, s, base, spans);
    return;
  }
  const begin = PEM_BEGIN.exec(line);
  if (begin && !PEM_END.test(line.slice(begin.index))) {
    const from = begin.index + begin[0].length;
    spans.push({ start: base + from, end: base + line.length, kind: 'private-key' });
    s.pem = PEM_MAX_LINES;
    return;
  }
  const yaml = YAML_DATA_KEY.exec(line);
  if (yaml) {
    s.yamlIndent = line.startsWith('-', yaml[1].length) ? yaml[1].length + 1 : yaml[1].length;
    s.yamlChild = -1;
    s.anyValue = yaml[2] === 'stringData';
    return;
  }
  const json = JSON_DATA_OPEN.exec(line);
  if (json) { s.jsonDepth = 1; s.anyValue = json[1] === 'stringData'; return; }
  inlineData(line, base, spans);
}
