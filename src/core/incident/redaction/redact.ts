/**
 * Secret redaction. Everything written to disk or sent out passes through here.
 * Detection = secretlint's recommended preset (secretlintRules.ts) + what it lacks
 * (patternRules.ts) + multi-line structure (structured.ts). Found values are replaced by
 * `[REDACTED:kind]`; each result counts the replacements by kind.
 */
import { patternSpans } from './patternRules';
import { secretlintSpans } from './secretlintRules';
import { applySpans, TOKEN_CHAR, wholeTokens, type SecretSpan } from './spans';
import { encodedMayHoldSecret, textMayHoldSecret } from './byteGate';
import { initialState, inStructure, mayHaveStructure, structuredSpans, type StructureState } from './structured';

export interface RedactionResult {
  text: string;
  /** How many values of each kind were replaced, e.g. { "aws-access-key": 1 }. */
  counts: Record<string, number>;
}

export function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

export interface RedactorOptions {
  /** Exact values to mask wherever they occur (secret placeholder values); shorter than 4 characters are left alone. */
  literals?: string[];
}

const MIN_LITERAL = 4;

function literalSpans(text: string, literals: string[]): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const v of literals) {
    if (v.length < MIN_LITERAL) continue;
    for (let at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + v.length)) spans.push({ start: at, end: at + v.length, kind: 'placeholder' });
  }
  return spans;
}

/** Every secret found in `text` (whole lines), advancing the multi-line state. */
function detect(text: string, state: StructureState, literals: string[], gate: (text: string) => boolean = textMayHoldSecret): SecretSpan[] {
  const spans = literals.length ? literalSpans(text, literals) : [];
  if (!text) return spans;
  const inside = inStructure(state);
  // Most output holds no trigger word at all: one pass instead of every rule's own check.
  // The gate's triggers include the structure triggers, so it also rules those out.
  if (!inside && !gate(text)) return spans;
  const lower = text.toLowerCase();
  if (inside || mayHaveStructure(text)) spans.push(...structuredSpans(text, state));
  spans.push(...secretlintSpans(text), ...patternSpans(text, lower));
  return wholeTokens(text, spans);
}

/** Longest unfinished line held back; past it, text is released in pieces so memory stays bounded. */
const MAX_PENDING = 256 * 1024;
/** What a forced release keeps back: a token or key/value pair this close to the end is seen whole. */
const KEEP_BACK = 4096;

export interface Redactor {
  /** Redacts the complete lines now available; an unfinished last line is held back. */
  push(chunk: string): RedactionResult;
  /** Redacts whatever is still held back. */
  end(): RedactionResult;
  /**
   * Nothing held back and not inside a multi-line secret: a batch of whole lines that holds no
   * trigger and no literal would pass unchanged, so it may bypass the redactor.
   */
  idle(): boolean;
}

/**
 * Where to release a giant line: before the last KEEP_BACK characters, at a space if there is
 * one, never inside a found secret nor inside a word (a token cut in two is no longer seen).
 */
function safeCut(text: string, spans: SecretSpan[]): number {
  const space = text.lastIndexOf(' ', text.length - KEEP_BACK);
  let cut = space > 0 ? space + 1 : text.length - KEEP_BACK;
  let word = cut;
  while (word > 0 && TOKEN_CHAR.test(text[word - 1]) && TOKEN_CHAR.test(text[word] ?? '')) word--;
  // One giant word (a base64 blob): cutting inside it is the only way to bound memory.
  if (word > MAX_PENDING / 2) cut = word;
  for (let moved = true; moved;) {
    moved = false;
    for (const s of spans) if (s.start < cut && cut < s.end) { cut = s.start; moved = true; }
  }
  return cut;
}

const literalsOf = (options: RedactorOptions): string[] => [...new Set(options.literals ?? [])].filter((v) => v.length >= MIN_LITERAL);

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const literals = literalsOf(options);
  const state = initialState();
  let pending = '';
  /** Secrets found in the held-back text while it still had its full context (offsets into `pending`). */
  let carried: SecretSpan[] = [];
  const release = (ready: string, known: SecretSpan[]): RedactionResult => applySpans(ready, [...detect(ready, state, literals), ...known]);
  return {
    push(chunk) {
      pending += chunk;
      const nl = pending.lastIndexOf('\n') + 1;
      if (nl > 0 || pending.length <= MAX_PENDING) {
        const ready = pending.slice(0, nl);
        pending = pending.slice(nl);
        const known = carried;
        carried = [];
        return release(ready, known);
      }
      // A giant line: find secrets on all of it (without moving the real state), release a
      // safe prefix, and remember what was found in the rest.
      const probe = [...detect(pending, { ...state }, literals), ...carried];
      const cut = safeCut(pending, probe);
      const ready = pending.slice(0, cut);
      pending = pending.slice(cut);
      carried = probe.filter((s) => s.start >= cut).map((s) => ({ ...s, start: s.start - cut, end: s.end - cut }));
      return release(ready, probe.filter((s) => s.end <= cut));
    },
    end() {
      const rest = pending;
      const known = carried;
      pending = '';
      carried = [];
      return release(rest, known);
    },
    idle: () => pending === '' && carried.length === 0 && !inStructure(state),
  };
}

/** redactText works in batches of this size: the rules then run only on batches that hold a trigger. */
const TEXT_BATCH = 64 * 1024;

/**
 * Where the redactor fed `text` in TEXT_BATCH pieces releases whole lines: the end of each
 * release, the last one the end of the text. Undefined when some line is too long to be held
 * back whole (the redactor then releases it in pieces of its own choosing).
 */
function releaseEnds(text: string): number[] | undefined {
  const ends: number[] = [];
  let held = 0;
  for (let at = 0; at < text.length; at += TEXT_BATCH) {
    const end = Math.min(at + TEXT_BATCH, text.length);
    const nl = text.lastIndexOf('\n', end - 1);
    if (nl >= held) ends.push((held = nl + 1));
    else if (end - held > MAX_PENDING) return undefined;
  }
  ends.push(text.length);
  return ends;
}

/**
 * The same as pushing `text` through a redactor in TEXT_BATCH pieces and ending it, but each
 * release is a slice of `text` (no pending text copied, nothing joined when no batch changed):
 * a post-mortem is megabytes of two-byte text, nearly all of it without a trigger. `utf8`: the
 * text's UTF-8, when the caller has it, for the gate to read instead of encoding each release.
 */
export function redactText(text: string, options: RedactorOptions = {}, utf8?: Uint8Array): RedactionResult {
  const ends = releaseEnds(text);
  if (!ends) return redactInPieces(text, options);
  const literals = literalsOf(options);
  const state = initialState();
  const parts: string[] = [];
  let counts: Record<string, number> = {};
  let changed = false;
  let from = 0;
  let byteFrom = 0;
  for (const end of ends) {
    if (end === from) continue;
    const ready = text.slice(from, end);
    // Releases end after a newline, so no character is cut between two of them.
    const byteTo = utf8 ? byteFrom + Buffer.byteLength(ready, 'utf8') : 0;
    const at = byteFrom;
    const gate = utf8 ? (t: string) => encodedMayHoldSecret(t, utf8, at, byteTo) : textMayHoldSecret;
    byteFrom = byteTo;
    const res = applySpans(ready, detect(ready, state, literals, gate));
    parts.push(res.text);
    counts = mergeCounts(counts, res.counts);
    changed ||= res.text !== ready;
    from = end;
  }
  return { text: changed ? parts.join('') : text, counts };
}

function redactInPieces(text: string, options: RedactorOptions): RedactionResult {
  const r = createRedactor(options);
  const parts: string[] = [];
  let counts: Record<string, number> = {};
  const take = (res: RedactionResult) => {
    parts.push(res.text);
    counts = mergeCounts(counts, res.counts);
  };
  for (let at = 0; at < text.length; at += TEXT_BATCH) take(r.push(text.slice(at, at + TEXT_BATCH)));
  take(r.end());
  return { text: parts.join(''), counts };
}
