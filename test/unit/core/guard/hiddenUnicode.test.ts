import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { scanHiddenUnicode } from '../../../../src/core/guard/hiddenUnicode';
import { assessCode } from '../../../../src/core/guard/classify';
import { decideConfirmation } from '../../../../src/core/guard/confirmation';

test('bidi controls, zero-width and other format characters are found at their exact positions', () => {
  const code = 'kubectl get pods\necho "admin\u202E \u2066// check\u2069\u2066"\nkube\u200Bctl delete pod x\n\uFEFFls\u00AD\u2060';
  const found = scanHiddenUnicode(code).map((h) => [h.line, h.column, h.codePoint]);
  assert.deepEqual(found, [
    [2, 11, 0x202e], [2, 13, 0x2066], [2, 22, 0x2069], [2, 23, 0x2066],
    [3, 4, 0x200b],
    [4, 0, 0xfeff], [4, 3, 0x00ad], [4, 4, 0x2060],
  ]);
  for (const h of scanHiddenUnicode(code)) assert.equal(code.codePointAt(h.offset), h.codePoint);
  assert.match(scanHiddenUnicode('a\u202Eb')[0].label, /^U\+202E RIGHT-TO-LEFT OVERRIDE$/);
});

test('every bidi control from the list is caught', () => {
  const cps = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xe0041];
  for (const cp of cps) assert.equal(scanHiddenUnicode(`x${String.fromCodePoint(cp)}y`).length, 1, cp.toString(16));
});

test('columns count UTF-16 units after astral characters, as VS Code does', () => {
  const h = scanHiddenUnicode('🚨 a\u200Bb');
  assert.deepEqual([h[0].line, h[0].column], [1, 4]);
});

test('visible text is never flagged: mojibake, accents, emoji, CJK, tabs, CRLF', () => {
  assert.deepEqual(scanHiddenUnicode('ðŸš¨ INCIDENT â†’ IDENTIFIED âœ… café 日本 🚨\tx\r\n'), []);
});

test('reference runbook: no hidden characters anywhere, although it contains mojibake', () => {
  const inRepo = path.resolve(__dirname, '../../../../examples/incident-response.md');
  const shared = path.resolve(__dirname, '../../../../../shared/runbooks/incident-response.md');
  const text = readFileSync(existsSync(inRepo) ? inRepo : shared, 'utf8');
  assert.ok(text.includes('ðŸš¨'));
  assert.deepEqual(scanHiddenUnicode(text), []);
});

test('a block with hidden Unicode is refused with its positions', async () => {
  const a = await assessCode('kubectl get pods # safe\u202E\n');
  const d = decideConfirmation(a);
  assert.equal(d.action, 'refuse');
  assert.match(d.reasons[0], /U\+202E RIGHT-TO-LEFT OVERRIDE at line 1, column 24/);
});

test('property: the scanner never throws, and every report points at a hidden character', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
    const found = scanHiddenUnicode(s);
    for (const h of found) {
      assert.equal(s.codePointAt(h.offset), h.codePoint);
      const before = s.slice(0, h.offset);
      assert.equal(h.line, before.split('\n').length);
      assert.equal(h.column, h.offset - (before.lastIndexOf('\n') + 1));
    }
  }), { numRuns: 500 });
});
