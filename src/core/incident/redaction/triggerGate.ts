/**
 * One pass that tells whether a batch of output can hold a secret at all. Every rule (ours,
 * secretlint's, the structured ones) only runs when one of its literal triggers occurs, so a
 * batch containing none of them cannot be changed by redaction. Testing the ~80 triggers one
 * `includes` at a time cost about 1 ns per byte each; one alternation over the lower-cased text
 * is a single pass. Lower-casing keeps it a superset: every case-sensitive trigger that occurs
 * in the text occurs lower-cased in the lower-cased text.
 */
import { ENTROPY_TRIGGERS } from './entropy';
import { PATTERN_RULES } from './patternRules';
import { secretlintTriggers } from './secretlintRules';
import { STRUCTURE_TRIGGERS } from './structured';

/** null: some rule has no triggers, so every batch must go through the rules. */
let gate: RegExp | null | undefined;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The triggers as a trie (`a(?:kia|sia)|g(?:lpat-|sk_)`): at each position the engine tests
 * one character instead of every alternative, so hundreds of triggers cost little more than a
 * few. A trigger that contains another is dropped: the shorter one already lets the text in.
 */
export function trieSource(words: string[]): string {
  const kept = minimalTriggers(words);
  const group = (list: string[]): string => {
    const byFirst = new Map<string, string[]>();
    for (const w of list) byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w.slice(1)]);
    const alternatives = [...byFirst].map(([c, rests]) => {
      // A kept word that ends here matches already: its longer siblings were dropped above.
      if (rests.includes('')) return escape(c);
      return escape(c) + (rests.length === 1 ? escape(rests[0]) : `(?:${group(rests)})`);
    });
    return alternatives.join('|');
  };
  return group(kept);
}

/** The words without those that contain another: a text holding a dropped word holds a kept one. */
export function minimalTriggers(words: string[]): string[] {
  const sorted = [...new Set(words)].filter((w) => w !== '').sort((a, b) => a.length - b.length);
  return sorted.filter((w, i) => !sorted.slice(0, i).some((v) => w.includes(v)));
}

/** Every rule's triggers, lower-cased; null when some rule has none (then nothing can be ruled out). */
export function gateTriggers(): string[] | null {
  const fromSecretlint = secretlintTriggers();
  if (fromSecretlint === null) return null;
  return [...PATTERN_RULES.flatMap((r) => r.triggers), ...fromSecretlint, ...STRUCTURE_TRIGGERS, ...ENTROPY_TRIGGERS].map((t) => t.toLowerCase());
}

function build(): RegExp | null {
  const all = gateTriggers();
  return all === null ? null : new RegExp(trieSource(all));
}

/** False only when no rule could fire on the text whose lower-cased form is `lower`. */
export function mayHoldSecret(lower: string): boolean {
  if (gate === undefined) gate = build();
  return gate === null || gate.test(lower);
}
