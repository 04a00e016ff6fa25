import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { CORPUS, corpusAvailable, markdownFiles } from '../../../support/corpus';

// The public OpenShift runbooks, read in place (never copied into the repo). Absent on a fresh machine.


if (corpusAvailable) {
  test('corpus: every runbook parses, and its fences are exactly those of the CommonMark spec', () => {
    const files = markdownFiles(CORPUS);
    assert.equal(files.length, 274);
    const reference = new MarkdownIt('commonmark');
    let fences = 0;
    let runnable = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const rb = parseRunbook(text);
      const expected = reference.parse(text, {}).filter((t) => t.type === 'fence').map((t) => t.map![0] + 1);
      assert.deepEqual(rb.fences.map((f) => f.line), expected, file);
      fences += rb.fences.length;
      runnable += rb.blocks.length;
      for (const b of rb.blocks) assert.ok(b.code.trim() !== '' || b.body.trim() === '', `${file}:${b.line} runs nothing`);
    }
    // The corpus README counts 1,050 code blocks, 32 of them indented: 1,018 fences.
    assert.equal(fences, 1018);
    assert.ok(runnable > 900, `${runnable} runnable`);
  });
}
