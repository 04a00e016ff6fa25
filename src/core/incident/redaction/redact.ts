/**
 * Secret redaction. Everything written to disk or sent out passes through here.
 * Detection = secretlint's recommended preset (secretlintRules.ts) + what it lacks
 * (patternRules.ts) + multi-line structure (structured.ts). Found values are replaced by
 * `[REDACTED:kind]`; each result counts the replacements by kind.
 */
import { patternSpans } from './patternRules';
import { secretlintSpans } from './secretlintRules';
import { applySpans, type SecretSpan } from './spans';
import { mayHoldSecret } from './triggerGate';
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

/** Redacts whole lines, carrying multi-line state (PEM keys, Secret data) between calls. */
function redactLines(text: string, state: StructureState): RedactionResult {
  if (!text) return { text, counts: {} };
  const lower = text.toLowerCase();
  const inside = inStructure(state);
  // Most output holds no trigger word at all: one pass instead of every rule's own check.
  // The gate's triggers include the structure triggers, so it also rules those out.
  if (!inside && !mayHoldSecret(lower)) return { text, counts: {} };
  const structure = inside || mayHaveStructure(text);
  const spans: SecretSpan[] = [];
  if (structure) spans.push(...structuredSpans(text, state));
  spans.push(...secretlintSpans(text), ...patternSpans(text, lower));
  return applySpans(text, spans);
}

/** Longest unfinished line held back; past it, text is released at a space so memory stays bounded. */
const MAX_PENDING = 256 * 1024;

export interface Redactor {
  /** Redacts the complete lines now available; an unfinished last line is held back. */
  push(chunk: string): RedactionResult;
  /** Redacts whatever is still held back. */
  end(): RedactionResult;
}

export function createRedactor(): Redactor {
  const state = initialState();
  let pending = '';
  return {
    push(chunk) {
      pending += chunk;
      let cut = pending.lastIndexOf('\n') + 1;
      if (cut === 0 && pending.length > MAX_PENDING) {
        // A giant line: release up to a space well before the end; tokens rarely contain spaces.
        const space = pending.lastIndexOf(' ', pending.length - 4096);
        cut = space > 0 ? space + 1 : pending.length - 4096;
      }
      const ready = pending.slice(0, cut);
      pending = pending.slice(cut);
      return redactLines(ready, state);
    },
    end() {
      const rest = pending;
      pending = '';
      return redactLines(rest, state);
    },
  };
}

/** redactText works in batches of this size: the rules then run only on batches that hold a trigger. */
const TEXT_BATCH = 64 * 1024;

export function redactText(text: string): RedactionResult {
  const r = createRedactor();
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
