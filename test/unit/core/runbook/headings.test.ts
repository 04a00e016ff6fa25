import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { headingText } from '../../../../src/core/runbook/headings';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { CORPUS, corpusAvailable, markdownFiles } from '../../../support/corpus';

// The parser skips inline parsing except in headings: their text must match a full parse.
const full = new MarkdownIt('commonmark');
const fullHeadings = (text: string): string[] => {
  const tokens = full.parse(text, {});
  return tokens.flatMap((t, i) => (t.type === 'heading_open' ? [headingText(tokens[i + 1])] : []));
};
const ourHeadings = (text: string): string[] => parseRunbook(text).headings.map((h) => h.text);

test('heading text equals a full markdown-it parse: emphasis, code, links by reference, images, HTML', () => {
  const text = [
    '# **Bold** and `code` and [inline](https://x)',
    '',
    'Setext *heading*',
    '========',
    '',
    '## [By reference][ref] and ![alt *text*](img.png) and <b>tag</b>',
    '',
    '### [Undefined][nope] &amp; entities &copy;',
    '',
    '[ref]: https://example.com/ref',
  ].join('\n');
  assert.deepEqual(ourHeadings(text), fullHeadings(text));
  assert.deepEqual(ourHeadings(text).slice(0, 3), ['Bold and code and inline', 'Setext heading', 'By reference and alt text and tag']);
});

const reference = path.resolve(__dirname, '../../../../examples/incident-response.md');

test('heading text equals a full parse on the reference runbook' + (corpusAvailable ? ' and every corpus runbook' : ''), () => {
  const files = [reference, ...(corpusAvailable ? markdownFiles(CORPUS) : [])];
  let headings = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const expected = fullHeadings(text);
    assert.deepEqual(ourHeadings(text), expected, f);
    headings += expected.length;
  }
  assert.ok(headings > 10, `${headings} headings compared`);
});
