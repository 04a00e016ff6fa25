import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parseAttributes } from '../../../../src/core/runbook/attributes';
import { fillPlaceholders, findPlaceholders } from '../../../../src/core/runbook/placeholders';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import type { Runbook } from '../../../../src/core/runbook/types';

// Markdown-ish documents: fragments that exercise fences, containers, headings, transcripts and shell syntax.
const fragment = fc.constantFrom(
  '```', '````', '~~~', '```bash', '```console', '```promql', '```sh {name=x}', '```sh {"name":"y"}', '~~~ zsh',
  '> ', '>', '- ', '1. ', '   ', '    ', '\t', '# ', '## ', '===', '---', '+++', '...', '$ ', '# ', '\\',
  '<pod>', '<a b>', '<<EOF', 'EOF', "'", '"', '((', '))', '<(', '<', '>', '|', '&&', '<details>', '</details>',
  'echo hi', 'text', '{', '}', '=', '\n', '\n', '\n', '\r\n', '\r', '\uFEFF', '\u0000', 'é',
);
const markdownish = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(markdownish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

function checkInvariants(rb: Runbook): void {
  rb.blocks.forEach((b, i) => {
    assert.equal(b.index, i + 1);
    assert.ok(b.line >= 1 && b.line <= b.endLine && b.endLine <= rb.lineCount, `range ${b.line}-${b.endLine} in ${rb.lineCount}`);
    assert.equal(b.bodyStartLine, b.line + 1);
    assert.ok(b.bodyEndLine <= b.endLine && b.bodyEndLine >= b.line);
    for (const l of b.runLines ?? []) assert.ok(l >= b.bodyStartLine && l <= b.bodyEndLine);
    for (const r of b.placeholderRefs) assert.ok(r.line >= b.bodyStartLine && r.line <= b.bodyEndLine && r.column >= 0);
    assert.deepEqual(b.placeholders, [...new Set(b.placeholderRefs.map((r) => r.name))]);
    assert.ok(['shell', 'promql'].includes(b.kind));
  });
  for (const f of rb.fences) assert.ok(f.line >= 1 && f.line <= f.endLine && f.endLine <= rb.lineCount);
  for (const h of rb.headings) assert.ok(h.line >= 1 && h.line <= rb.lineCount);
}

test('parseRunbook never throws, and every block lies inside the document', () => {
  fc.assert(fc.property(anyText, (text) => checkInvariants(parseRunbook(text))), { numRuns: 1500 });
});

test('fence lines agree with markdown-it commonmark on any document without front matter', () => {
  const reference = new MarkdownIt('commonmark');
  Object.assign(reference.options, { maxNesting: 5000 });
  const noFrontMatter = anyText.filter((t) => !/^\uFEFF?(---|\+\+\+)/.test(t));
  fc.assert(
    fc.property(noFrontMatter, (text) => {
      const expected = reference
        .parse(text.replace(/^\uFEFF/, ''), {})
        .filter((t) => t.type === 'fence')
        .map((t) => t.map![0] + 1);
      assert.deepEqual(parseRunbook(text).fences.map((f) => f.line), expected);
    }),
    { numRuns: 1000 },
  );
});

test('findPlaceholders never throws and every hit is literally <name> at its offset', () => {
  const shellish = fc.array(fragment, { maxLength: 40 }).map((p) => p.join(' '));
  fc.assert(
    fc.property(fc.oneof(shellish, fc.string({ maxLength: 120 })), fc.constantFrom('shell' as const, 'promql' as const), (code, dialect) => {
      const found = findPlaceholders(code, dialect);
      for (const p of found) assert.equal(code.slice(p.offset, p.offset + p.name.length + 2), `<${p.name}>`);
      const names = [...new Set(found.map((p) => p.name))];
      assert.deepEqual(fillPlaceholders(code, {}, dialect), { code, missing: names });
      const filled = fillPlaceholders(code, Object.fromEntries(names.map((n) => [n, 'V'])), dialect);
      assert.deepEqual(filled.missing, []);
      assert.equal(filled.code.length, code.length - found.reduce((n, p) => n + p.name.length + 2 - 1, 0));
    }),
    { numRuns: 1500 },
  );
});

test('parseAttributes never throws', () => {
  const infoish = fc.array(fc.constantFrom('sh', ' ', '{', '}', '"', "'", '=', 'name', 'x', ':', ',', '\\', '[', ']', '1', 'true'), { maxLength: 30 });
  fc.assert(
    fc.property(fc.oneof(infoish.map((p) => p.join('')), fc.string()), (info) => {
      const r = parseAttributes(info);
      for (const v of Object.values(r.attributes)) assert.equal(typeof v, 'string');
    }),
    { numRuns: 1500 },
  );
});
