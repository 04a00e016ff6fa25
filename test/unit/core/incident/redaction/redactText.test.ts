import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRedactor, redactText, type RedactionResult } from '../../../../../src/core/incident/redaction/redact';
import { credentialCorpus } from '../../../../support/credentialCorpus';
import { ordinaryLines } from '../../../../support/ordinaryLines';

/** What redactText was defined as: the text pushed through a redactor in 64 KiB pieces, then ended. */
function plain(text: string, literals?: string[]): RedactionResult {
  const r = createRedactor({ literals });
  const parts: RedactionResult[] = [];
  for (let at = 0; at < text.length; at += 64 * 1024) parts.push(r.push(text.slice(at, at + 64 * 1024)));
  parts.push(r.end());
  const counts: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.counts)) counts[k] = (counts[k] ?? 0) + v;
  return { text: parts.map((p) => p.text).join(''), counts };
}

const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq5Xw1Zk3n0pQ8sT1vW4yZ7bC0eF3hJ6aB3dE6gH9jK2mN5\npQ8sT1vW4yZ7bC0eF3hJ6aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6aB3dE6g\n-----END RSA PRIVATE KEY-----';
const secrets = credentialCorpus(1).map((c) => c.value);
const line = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...ordinaryLines(300)) },
  { weight: 3, arbitrary: fc.constantFrom(...secrets).map((s) => `token: ${s}`) },
  { weight: 1, arbitrary: fc.constant(PEM) },
  { weight: 1, arbitrary: fc.constantFrom('', '\r', '| 📌 Ran “Restart › payments” (exit 0) |', 'İstanbul KELVIN \u212a key', 'export DB_PASSWORD=Zq8vLm2pXw9rTt4K') },
);
/** Lines long enough that the redactor releases them in pieces (it holds back at most 256 Ki characters). */
const giant = fc.constantFrom(200_000, 270_000, 600_000).map((n) => `${'x'.repeat(n - 40)} password=Zq8vLm2pXw9rTt4K ${'y'.repeat(12)}\n`);
/** Texts of a few 64 KiB batches: lines repeated in runs, so boundaries fall anywhere. */
const text = fc.array(fc.oneof(
  { weight: 12, arbitrary: fc.tuple(line, fc.integer({ min: 1, max: 900 })).map(([l, n]) => `${l}\n`.repeat(n)) },
  { weight: 1, arbitrary: giant },
), { minLength: 1, maxLength: 10 }).map((runs) => runs.join(''));

test('redactText gives what the redactor gives when fed the text in 64 KiB pieces (texts, counts), on texts of several batches, with or without their UTF-8', () => {
  fc.assert(fc.property(text, fc.boolean(), (t, cut) => {
    const s = cut ? t.slice(0, -1) : t; // with and without an unfinished last line
    const expected = plain(s);
    assert.deepEqual(redactText(s), expected);
    assert.deepEqual(redactText(s, {}, Buffer.from(s, 'utf8')), expected, 'the gate reading the UTF-8 it is given');
  }), { numRuns: 40 });
});

test('redactText: literals, an empty text, a text of one unfinished line, a text that needs no change (the same string back)', () => {
  const t = `${'a\n'.repeat(40_000)}the value s3cr3t-value here\n${'b\n'.repeat(40_000)}`;
  assert.deepEqual(redactText(t, { literals: ['s3cr3t-value', 'abc'] }), plain(t, ['s3cr3t-value', 'abc']));
  assert.match(redactText(t, { literals: ['s3cr3t-value'] }).text, /the value \[REDACTED:placeholder\] here/);
  assert.deepEqual(redactText(''), plain(''));
  assert.deepEqual(redactText('password=Zq8vLm2pXw9rTt4K'), plain('password=Zq8vLm2pXw9rTt4K'));
  // A release that starts with a token, after one of two-byte characters: the gate reads the right bytes.
  const token = 'ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6';
  const boundary = `${'›'.repeat(30_000)}${'a'.repeat(35_535)}\n${token}\n${'b\n'.repeat(1000)}`;
  assert.equal(boundary.indexOf(token), 64 * 1024);
  for (const r of [redactText(boundary, {}, Buffer.from(boundary, 'utf8')), redactText(boundary)]) {
    assert.deepEqual(r, plain(boundary));
    assert.ok(!r.text.includes(token));
  }
  const clean = ordinaryLines(3000).join('\n');
  assert.equal(redactText(clean).text, clean);
});
