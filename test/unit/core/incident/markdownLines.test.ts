import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MarkdownLines } from '../../../../src/core/incident/markdownLines';

// What the post-mortem's text was defined as before it was built in one pass.
const plain = (lines: string[]): string => lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
const built = (lines: string[], chunkParts?: number): string => {
  const doc = new MarkdownLines(chunkParts);
  doc.push(...lines);
  return doc.text();
};

test('MarkdownLines: blank runs cut to one blank line, trailing white space trimmed', () => {
  assert.equal(built(['# T', '', '', 'a', '', '']), '# T\n\na\n');
  assert.equal(built(['a\n\n\n\nb', '\n\nc\n', '', 'd  \n \t']), 'a\n\nb\n\nc\n\nd\n');
  assert.equal(built([]), '\n');
  assert.equal(built(['', ' ', '\n']), '\n');
});

test('MarkdownLines agrees with join, replace and trimEnd on any lines', () => {
  const line = fc.string({ unit: fc.constantFrom('\n', '\n', ' ', '\t', 'a', '|', '\r', '\u00a0', '📌'), maxLength: 12 });
  fc.assert(fc.property(fc.array(line, { maxLength: 30 }), (lines) => built(lines) === plain(lines)), { numRuns: 5000 });
});

test('MarkdownLines joins its parts into chunks without changing the text', () => {
  const line = fc.string({ unit: fc.constantFrom('\n', ' ', '\t', 'a', '📌'), maxLength: 6 });
  fc.assert(fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (lines, chunkParts) =>
    built(lines, chunkParts) === plain(lines)), { numRuns: 5000 });
  // Past the default chunk size too: a long document ending in blank parts.
  const many = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? '' : `row ${i}`)).concat(['', ' ', '\n\n']);
  assert.equal(built(many), plain(many));
});
