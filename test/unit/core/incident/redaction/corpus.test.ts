import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { redactText } from '../../../../../src/core/incident/redaction/redact';
import { createStreamRedactor } from '../../../../../src/core/incident/redaction/stream';

const dir = path.resolve(__dirname, '../../../../fixtures/secrets');
const secrets = JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')) as { kind: string; value: string }[];
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const outputs = new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

/** Text of the fixtures with every secret removed: pieces found there are public (`LS0tLS1CRUdJ` = base64 of `-----BEGI`). */
const publicText = secrets.reduce((t, s) => t.split(s.value).join(' '), [...outputs.values()].join('\n'));

/** Every secret, and every 12-character piece of a long one, must be gone. */
function survivors(text: string): string[] {
  const left: string[] = [];
  for (const { kind, value } of secrets) {
    if (text.includes(value)) { left.push(`${kind}: ${value}`); continue; }
    for (let i = 0; i + 12 <= value.length; i += 6) {
      const piece = value.slice(i, i + 12);
      if (/[A-Za-z]/.test(piece) && /\d/.test(piece) && !publicText.includes(piece) && text.includes(piece)) { left.push(`${kind} (piece): ${piece}`); break; }
    }
  }
  return left;
}

test('the corpus: at least 40 fake secrets of at least 10 kinds, each present in the outputs', () => {
  assert.ok(secrets.length >= 40, `${secrets.length} secrets`);
  assert.ok(new Set(secrets.map((s) => s.kind)).size >= 10);
  const all = [...outputs.values()].join('\n');
  for (const s of secrets) assert.ok(all.includes(s.value), `${s.kind} ${s.value} is in a fixture`);
});

test('redactText: zero secrets survive in any fixture, and useful text stays', () => {
  for (const [file, text] of outputs) {
    const r = redactText(text);
    assert.deepEqual(survivors(r.text), [], file);
    assert.ok(Object.values(r.counts).reduce((a, b) => a + b, 0) > 0, file);
  }
  const env = redactText(outputs.get('pod-env.txt') ?? '').text;
  assert.match(env, /^AWS_DEFAULT_REGION=eu-west-1$/m);
  assert.match(env, /postgres:\/\/photon_app:\[REDACTED:url-credentials\]@photon-db/);
  assert.match(env, /^PWD=\/app$/m);
  const yaml = redactText(outputs.get('kubectl-get-secret.yaml.txt') ?? '').text;
  assert.match(yaml, /^ {2}password: \[REDACTED:k8s-secret-data\]$/m);
  assert.match(yaml, /^kind: Secret$/m);
  assert.match(yaml, /^ {2}name: db-credentials$/m);
  const keys = redactText(outputs.get('private-keys.txt') ?? '').text;
  assert.match(keys, /-----BEGIN RSA PRIVATE KEY-----/);
});

test('every kind is counted under its own name', () => {
  const counts = redactText([...outputs.values()].join('\n')).counts;
  for (const kind of ['k8s-secret-data', 'aws-access-key', 'aws-secret-key', 'github-token', 'slack-token', 'jwt', 'private-key', 'url-credentials', 'authorization-header', 'cookie', 'password', 'gcp-api-key', 'azure-storage-key']) {
    assert.ok((counts[kind] ?? 0) > 0, `${kind} counted: ${JSON.stringify(counts)}`);
  }
});

function streamed(text: string, cuts: number[]): { text: string; counts: Record<string, number> } {
  const s = createStreamRedactor();
  let out = '';
  let at = 0;
  for (const c of [...cuts, text.length]) { out += s.push(text.slice(at, c)); at = c; }
  return { text: out + s.end(), counts: s.counts() };
}

/** Lines without a marker: chunking may split one PEM marker into several, the rest must be identical. */
const plainLines = (t: string) => t.split('\n').filter((l) => !l.includes('[REDACTED:'));

test('streaming: any chunking, including cuts inside every secret, redacts the same', () => {
  for (const [file, text] of outputs) {
    const whole = redactText(text);
    for (const size of [1, 3, 17, 64, 4096]) {
      const cuts = Array.from({ length: Math.floor(text.length / size) }, (_, i) => (i + 1) * size);
      const r = streamed(text, cuts);
      assert.deepEqual(survivors(r.text), [], `${file} in ${size}-char chunks`);
      assert.deepEqual(plainLines(r.text), plainLines(whole.text), `${file} in ${size}-char chunks`);
      assert.deepEqual(Object.keys(r.counts).sort(), Object.keys(whole.counts).sort());
      if (!text.includes('PRIVATE KEY-----\n')) assert.equal(r.text, whole.text, `${file} in ${size}-char chunks`);
    }
    // A cut in the middle of each secret.
    const mids = secrets.map((s) => text.indexOf(s.value)).filter((i) => i >= 0).map((i, k) => i + 5 + (k % 7)).sort((a, b) => a - b);
    assert.deepEqual(survivors(streamed(text, [...new Set(mids)]).text), [], `${file} cut inside secrets`);
  }
});
