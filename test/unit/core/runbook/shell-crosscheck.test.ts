import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'sh-syntax';
import { findPlaceholders } from '../../../../src/core/runbook/placeholders';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { Ctx, scanShell } from '../../../../src/core/runbook/shellLexer';
import { CORPUS, corpusAvailable, markdownFiles } from '../../../support/corpus';

// The synchronous lexical scanner is checked against a real shell parser (mvdan/sh via sh-syntax):
// every comment the parser reports must start where the scanner's comment context starts. (The
// parser's JSON omits comments nested inside compound commands, so this is a one-way check.)


const reference = path.resolve(__dirname, '../../../../examples/incident-response.md');
// sh-syntax takes tens of milliseconds per call, so only a fixed sample of corpus blocks with comments.
const CORPUS_SAMPLE = 30;

const synthetic = [
  'cat <<EOF | kubectl apply -f - # applies\n# not a comment: in the body\nname: <pod>\nEOF\necho "#x" \'#y\' a#b # real <c>',
  "cat <<'END' >x\n  # body\nEND\n# after",
  'if [ $a -lt 3 ]; then # cmp\n  echo ok\nfi # done',
  'x=$(( 1 << 2 )) # shift, not a heredoc\necho ${#x} # length',
];

function parserComments(ast: unknown): number[] {
  const starts: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'Comments' && Array.isArray(x)) for (const c of x as { Hash: { Offset: number } }[]) starts.push(c.Hash.Offset);
        else walk(x);
      }
    }
  };
  walk(ast);
  return starts;
}

test('shell comments found by the scanner agree with a real shell parser', async () => {
  const shellCode = (file: string) => parseRunbook(readFileSync(file, 'utf8')).blocks.filter((b) => b.kind === 'shell').map((b) => b.code);
  const codes = [...synthetic, ...shellCode(reference)];
  if (corpusAvailable) {
    const files = markdownFiles(CORPUS).sort();
    codes.push(...files.flatMap(shellCode).filter((c) => /(^|\s)#/.test(c)).slice(0, CORPUS_SAMPLE));
  }
  let checked = 0;
  let comments = 0;
  for (const code of codes) {
    // Byte offsets equal character offsets for ASCII only.
    if (Buffer.byteLength(code) !== code.length) continue;
    // Placeholders are not valid shell; mask them with a word of the same length.
    let masked = code;
    for (const p of findPlaceholders(code)) masked = masked.slice(0, p.offset) + '_'.repeat(p.name.length + 2) + masked.slice(p.offset + p.name.length + 2);
    let ast: unknown;
    try {
      ast = await parse(masked, { keepComments: true });
    } catch {
      continue; // not valid shell even with placeholders filled (e.g. `/slack ...` pseudo-commands)
    }
    const { ctx } = scanShell(masked);
    for (const offset of parserComments(ast)) {
      assert.equal(ctx[offset], Ctx.Comment, `comment at ${offset} in ${JSON.stringify(masked)}`);
      comments++;
    }
    checked++;
  }
  assert.ok(checked >= 15, `${checked} blocks parsed`);
  assert.ok(comments >= 20, `${comments} comments compared`);
});
