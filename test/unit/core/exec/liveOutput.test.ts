// The live view (the Output channel, which VS Code keeps on disk) gets redacted text only.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { liveRedactedSink } from '../../../../src/core/exec/liveOutput';
import { credentialCorpus, leakedPieces, rng } from '../../../support/credentialCorpus';
import { ordinaryLines } from '../../../support/ordinaryLines';

function feed(text: string, opts: Parameters<typeof liveRedactedSink>[1], seed = 3): string {
  let shown = '';
  const sink = liveRedactedSink((t) => {
    shown += t;
  }, opts);
  const rand = rng(seed);
  for (let at = 0; at < text.length;) {
    const n = 1 + Math.floor(rand() * 40);
    sink.write(text.slice(at, at + n));
    at += n;
  }
  sink.end();
  return shown;
}

test('credentials printed in chunks cut anywhere never reach the live view', () => {
  const samples = credentialCorpus(2, 23);
  let held = 0;
  const leaks: string[] = [];
  for (const [i, s] of samples.entries()) {
    const shown = feed(`token: ${s.value}\n${s.value}\nexport API_TOKEN=${s.value}\n`, {}, i + 1);
    const leak = leakedPieces(s.value, shown);
    if (leak) leaks.push(`${s.provider}: ${leak}`);
    else held++;
  }
  console.log(`live view: ${held}/${samples.length} credentials held`);
  assert.deepEqual(leaks, []);
});

test('ordinary output passes through unchanged, line for line', () => {
  const text = ordinaryLines(400, 9).join('\n') + '\nlast line without newline';
  assert.equal(feed(text, {}), text);
});

test('a secret placeholder value is masked wherever it shows up', () => {
  const shown = feed('connecting as elastic:Hunter2-Correct-Horse\nok\n', { literals: ['Hunter2-Correct-Horse'] });
  assert.doesNotMatch(shown, /Hunter2/);
  assert.match(shown, /ok\n$/);
});

test('a block that prints secret material shows one note instead of its output', () => {
  const shown = feed('cGFzc3dvcmQxMjM0NTY=\nbW9yZS1zZWNyZXQ=\n', { withheld: ['kubectl get secret db -o jsonpath'] });
  assert.doesNotMatch(shown, /cGFzc3dvcmQ|bW9yZS1zZWNyZXQ/);
  assert.match(shown, /prints secret material/);
  assert.equal(shown.split('\n').filter(Boolean).length, 1);
});
