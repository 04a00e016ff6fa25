import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { redactText } from '../../../../../src/core/incident/redaction/redact';
import { createStreamRedactor } from '../../../../../src/core/incident/redaction/stream';
import { PATTERN_RULES } from '../../../../../src/core/incident/redaction/patternRules';
import { mayHoldSecret, trieSource } from '../../../../../src/core/incident/redaction/triggerGate';
import { credentialCorpus, leakedPieces, PROVIDER_COUNT } from '../../../../support/credentialCorpus';
import { ordinaryLines, SECRET_REFERENCES } from '../../../../support/ordinaryLines';

const corpus = credentialCorpus(3);

/** Ways a credential is printed. Keys are neutral on purpose: the value alone must be recognised. */
const FORMS: [string, (v: string) => string][] = [
  ['bare', (v) => v],
  ['env', (v) => `APP_SETTING=${v}`],
  ['json', (v) => `{"value":"${v}","retries":3}`],
  ['yaml', (v) => `  setting: ${v}`],
  ['header', (v) => `Authorization: Bearer ${v}`],
  ['url', (v) => `https://api.example.com/v1/items?page=2&auth=${v}`],
  ['sentence', (v) => `calling the API with ${v} now`],
  ['parenthesised', (v) => `(${v})`], ['single-quoted', (v) => `'${v}'`], ['backticks', (v) => `\`${v}\``],
  ['url-path', (v) => `GET /hooks/${v}/run`], ['no-space-header', (v) => `Authorization:Bearer ${v}`], ['crlf', (v) => `${v}\r`],
  ['tabs', (v) => `key\t${v}\tend`], ['xml', (v) => `<token>${v}</token>`], ['logfmt', (v) => `level=info msg="auth ok" cred=${v} user=sre`],
  ['csv', (v) => `sre,${v},2026`], ['export', (v) => `export SOME_VALUE="${v}"`], ['docker-config', (v) => `{"auths":{"x":{"auth":"${v}"}}}`],
  ['sentence-end', (v) => `Token is ${v}.`], ['escaped-json', (v) => `"{\\"value\\":\\"${v}\\"}"`],
];

test(`the credential corpus: >= 300 samples of >= 80 providers`, () => {
  const families = new Set(corpus.map((s) => s.provider.split('-')[0]));
  assert.ok(corpus.length >= 300, `${corpus.length} samples`);
  assert.ok(families.size >= 80, `${families.size} provider families (${PROVIDER_COUNT} formats)`);
});

test('every corpus credential, in every form, is redacted whole', () => {
  const leaks: string[] = [];
  let tried = 0;
  for (const s of corpus) {
    for (const [form, print] of FORMS) {
      tried++;
      const out = redactText(print(s.value)).text;
      const leak = leakedPieces(s.value, out);
      if (leak) leaks.push(`${s.provider} (${form}): ${out}`);
    }
  }
  console.log(`credentials held: ${tried - leaks.length}/${tried} (${corpus.length} samples × ${FORMS.length} forms)`);
  assert.deepEqual(leaks, []);
});

test('the issue\'s examples: whole tokens, no tail left, the scheme\'s credential redacted', () => {
  const xapp = 'xapp-1-A0123456789-1234567890123-610b6a11abcdef0123456789abcdef0123456789abcdef0123456789abcd';
  assert.equal(redactText(xapp).text, '[REDACTED:slack-token]');
  assert.equal(redactText('Authorization: Api-Token 22cb7f9e0c4d1a2b3c4d5e6f7a8b9c0d').text, 'Authorization: Api-Token [REDACTED:authorization-header]');
  assert.equal(redactText('sha256~Xk29fJq8LmN3pQ7rT5vWabcdefghijklmnopqrstuvw').text, '[REDACTED:openshift-token]');
  assert.equal(redactText('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.').text, '[REDACTED:jwt]');
});

test('entropy: a random word shortly after a credential keyword is redacted; names are not', () => {
  assert.equal(redactText('the API token is Xk29fJq8LmN3pQ7rT5vW').text, 'the API token is [REDACTED:high-entropy-credential]');
  assert.equal(redactText('the new password is now 9fJ2kLq8Xw3mNb7Tz1').text, 'the new password is now [REDACTED:high-entropy-credential]');
  assert.equal(redactText('token for photon-compiler-token-7d9f8b6c5').text, 'token for photon-compiler-token-7d9f8b6c5');
  assert.equal(redactText('secret db-credentials-photon-mlir-2024 rotated').text, 'secret db-credentials-photon-mlir-2024 rotated');
});

test('references to secrets are not secrets', () => {
  const changed = SECRET_REFERENCES.filter((l) => redactText(l).text !== l);
  assert.deepEqual(changed, []);
});

test('ordinary output: at most 1 % of >= 1000 lines masked', () => {
  const lines = ordinaryLines(1200);
  const masked = lines.filter((l) => redactText(l).text !== l);
  console.log(`ordinary lines masked: ${masked.length}/${lines.length}`);
  assert.ok(lines.length >= 1000);
  assert.ok(masked.length <= lines.length / 100, masked.join('\n'));
});

test('split across reads: each credential cut at every third character still goes', () => {
  const leaks: string[] = [];
  for (const s of corpus) {
    const text = `x=1\nvalue ${s.value} end\n`;
    for (let cut = 6; cut < text.length - 1; cut += 3) {
      const r = createStreamRedactor();
      const out = r.push(text.slice(0, cut)) + r.push(text.slice(cut)) + r.end();
      if (leakedPieces(s.value, out)) { leaks.push(`${s.provider} cut at ${cut}`); break; }
    }
  }
  assert.deepEqual(leaks, []);
});

/** Pushes `text` in `size`-character reads, as the runner does. */
function streamed(text: string, size: number): string {
  const r = createStreamRedactor();
  let out = '';
  for (let at = 0; at < text.length; at += size) out += r.push(text.slice(at, at + size));
  return out + r.end();
}

test('long lines: a credential at every offset around the 256 KiB release point never leaks', () => {
  const boundary = 256 * 1024;
  const token = 'glpat-Xk29fJq8LmN3pQ7rT5vWabc';
  const pair = 'password: Xk29fJq8LmN3pQ7rT5vW';
  const leaks: string[] = [];
  let tried = 0;
  // Fillers with and without spaces: the release point is at a space when there is one.
  for (const size of [65536, 4096]) {
    // The first forced release: the first read that takes the line past 256 KiB, less what is kept back.
    const release = (Math.floor(boundary / size) + 1) * size - 4096;
    for (const filler of ['lorem ipsum dolor ', 'a,b,c,d,', 'x']) {
      for (const secret of [token, pair]) {
        for (let offset = release - 48; offset <= release + 48; offset += 6) {
          const head = filler.repeat(Math.ceil(offset / filler.length)).slice(0, offset);
          const line = `${head}${filler.includes(' ') ? ' ' : ','}${secret},${'z'.repeat(8000)}\n`;
          tried++;
          if (streamed(line, size).includes(secret.slice(-16))) leaks.push(`${filler.trim()} / ${secret.slice(0, 8)} at ${offset} in ${size}-char reads`);
        }
      }
    }
  }
  console.log(`long-line boundary cases held: ${tried - leaks.length}/${tried}`);
  assert.deepEqual(leaks, []);
});

test('the trigger gate, built as a trie, lets in text holding any trigger of any rule, and nothing else', () => {
  const words = ['glpat-', 'glrt-', 'gl', 'hvs.', 'a(b', 'x|y', 'key', 'monkey-', 'sk_live_'];
  const gate = new RegExp(trieSource(words));
  for (const w of words) assert.ok(gate.test(`before ${w} after`), w);
  for (const text of ['g l', 'hvs', 'ab', 'xy', 'ke y', 'sk_']) assert.ok(!gate.test(text), text);
  for (const rule of PATTERN_RULES) for (const t of rule.triggers) assert.ok(mayHoldSecret(`…${t}…`), t);
});
