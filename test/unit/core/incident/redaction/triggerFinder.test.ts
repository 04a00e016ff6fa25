import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTriggerFinder } from '../../../../../src/core/incident/redaction/triggerFinder';
import { PATTERN_RULES } from '../../../../../src/core/incident/redaction/patternRules';
import { secretlintTriggers } from '../../../../../src/core/incident/redaction/secretlintRules';

const sorted = (s: Iterable<string>): string[] => [...s].sort();

test('the trigger finder finds exactly the words that `includes` finds: nested, overlapping, at the ends, non-ASCII', () => {
  const words = ['key', 'keyid', 'ey', 'y', 'apikey', 'é-word', 'ab', 'abab'];
  const find = createTriggerFinder(words);
  assert.deepEqual(sorted(find('my apikeyid')), ['apikey', 'ey', 'key', 'keyid', 'y']);
  assert.deepEqual(sorted(find('xababx é-word')), ['ab', 'abab', 'é-word']);
  assert.deepEqual(sorted(find('')), []);
  const text = fc.string({ unit: fc.constantFrom(...'abekyipé-x🔑'), maxLength: 40 });
  fc.assert(fc.property(text, (t) => {
    assert.deepEqual(sorted(find(t)), sorted(words.filter((w) => t.includes(w))));
  }), { numRuns: 3000 });
});

test("the pattern rules' triggers, in text made of their own pieces", () => {
  const triggers = [...new Set(PATTERN_RULES.flatMap((r) => r.triggers))];
  const find = createTriggerFinder(triggers);
  const piece = fc.oneof(fc.constantFrom(...triggers).map((t) => t.slice(0, 1 + (t.length >> 1))), fc.constantFrom(...triggers), fc.constantFrom(' ', '\n', '=', 'ü', '›'));
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
    const t = pieces.join('');
    assert.deepEqual(sorted(find(t)), sorted(triggers.filter((w) => t.includes(w))));
  }), { numRuns: 500 });
});

test("secretlint's triggers (case kept), in text made of their own pieces", () => {
  const triggers = secretlintTriggers();
  assert.ok(triggers && triggers.length > 10);
  const find = createTriggerFinder(triggers);
  const piece = fc.oneof(fc.constantFrom(...triggers).map((t) => t.slice(0, 1 + (t.length >> 1))), fc.constantFrom(...triggers), fc.constantFrom(...triggers).map((t) => t.toLowerCase()), fc.constantFrom(' ', '\n', '=', 'ü', '›'));
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
    const t = pieces.join('');
    assert.deepEqual(sorted(find(t)), sorted(new Set(triggers.filter((w) => t.includes(w)))));
  }), { numRuns: 500 });
});
