// The cleaner's fast path passes plain lines undecoded: cut anywhere, the stream must come out as
// the whole text redacted at once, and no credential may survive a cut through it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createOutputCleaner } from '../../../../src/core/exec/outputCleaner';
import { cleanTerminalText } from '../../../../src/core/exec/ansi';
import { createLineBuffer } from '../../../../src/core/exec/lineBuffer';
import { createStreamRedactor } from '../../../../src/core/incident/redaction/stream';
import { StringDecoder } from 'node:string_decoder';
import { liveRedactedSink } from '../../../../src/core/exec/liveOutput';
import { credentialCorpus, leakedPieces } from '../../../support/credentialCorpus';
import { ordinaryLines } from '../../../support/ordinaryLines';

/** Feeds `buf` cut at `cuts` (sorted offsets) and joins what comes out. */
function clean(buf: Buffer, cuts: number[], secrets: string[] = []): { text: string; fast: number } {
  const c = createOutputCleaner(secrets);
  const parts: string[] = [];
  let fast = 0;
  const emit = (p: string | Buffer) => {
    if (typeof p !== 'string') fast += p.length;
    parts.push(p.toString());
  };
  let at = 0;
  for (const cut of [...cuts, buf.length]) {
    if (cut > at) c.push(buf.subarray(at, cut), emit);
    at = Math.max(at, cut);
  }
  c.end(emit);
  return { text: parts.join(''), fast };
}

const creds = credentialCorpus(1, 31);
const ordinary = ordinaryLines(300, 13);
/** Log lines with credentials in several shapes among them, a PEM key, colour codes and a CR. */
function corpus(pem = true): string {
  const lines: string[] = [];
  creds.forEach((s, i) => {
    lines.push(...ordinary.slice((i * 7) % 280, (i * 7) % 280 + 6));
    lines.push([`token: ${s.value}`, `export API_TOKEN=${s.value}`, `auth ${s.value} ok`, s.value][i % 4]);
  });
  if (pem) lines.push('-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAx4UbaDzY8e3+ZCmBSnr0uG5Y', 'p2hFoBNbXpjq0Zv4W2l9sT1aQwIDAQABAoIBAQC', '-----END RSA PRIVATE KEY-----');
  lines.push('\u001b[32mgreen\u001b[0m done', 'progress 10%\rprogress 100%', 'naïve café ✓ unicode line');
  return lines.join('\n') + '\nlast line without a newline';
}

/** The path all output took before the fast path: decode, hold back the unfinished line, clean, redact. */
function slowPath(input: Buffer, cuts: number[], secrets: string[] = []): string {
  const decoder = new StringDecoder('utf8');
  const lines = createLineBuffer();
  const redactor = createStreamRedactor({ literals: secrets });
  let out = '';
  let at = 0;
  for (const cut of [...cuts, input.length]) {
    if (cut > at) out += redactor.push(cleanTerminalText(lines.push(decoder.write(input.subarray(at, cut)))));
    at = Math.max(at, cut);
  }
  return out + redactor.push(cleanTerminalText(lines.push(decoder.end()) + lines.end())) + redactor.end();
}

const text = corpus();
const buf = Buffer.from(text, 'utf8');
// Line-local secrets redact the same however the lines are batched; a PEM key's marker layout
// depends on the batches (both hide the key), so equality is checked without it.
const linesOnly = Buffer.from(corpus(false), 'utf8');
const PEM_BODY = ['MIIEowIBAAKCAQEAx4UbaDzY8e3', 'p2hFoBNbXpjq0Zv4W2l9sT1aQw'];

test('cut at any read boundaries, the output is what the slow path makes of the same reads', () => {
  fc.assert(fc.property(fc.array(fc.nat(buf.length), { maxLength: 40 }), (cutList) => {
    const cuts = [...cutList].sort((a, b) => a - b);
    const lineCuts = cuts.filter((c) => c <= linesOnly.length);
    assert.equal(clean(linesOnly, lineCuts).text, slowPath(linesOnly, lineCuts));
    const out = clean(buf, cuts).text;
    for (const p of PEM_BODY) assert.ok(!out.includes(p), 'the PEM body is redacted');
    for (const s of creds) assert.ok(!leakedPieces(s.value, out), s.provider);
  }), { numRuns: 300 });
});

test('cut into pieces of any one size, no credential survives and most bytes take the fast path', () => {
  let held = 0;
  const tried = creds.length;
  const sizes = [1, 2, 3, 7, 64, 1000, 4096, 65536];
  for (const size of sizes) {
    const cuts = Array.from({ length: Math.ceil(buf.length / size) }, (_, i) => i * size);
    const out = clean(buf, cuts);
    const leaks = creds.map((s) => leakedPieces(s.value, out.text)).filter(Boolean);
    assert.deepEqual(leaks, [], `pieces of ${size} bytes`);
    const lineCuts = cuts.filter((c) => c <= linesOnly.length);
    assert.equal(clean(linesOnly, lineCuts).text, slowPath(linesOnly, lineCuts), `pieces of ${size} bytes`);
    for (const p of PEM_BODY) assert.ok(!out.text.includes(p), `the PEM body is redacted (pieces of ${size} bytes)`);
    held = Math.min(held || tried, tried - leaks.length);
  }
  console.log(`cleaner: ${held}/${tried} credentials held across ${sizes.length} read sizes`);
});

test('a multi-line secret whose lines arrive in reads of their own is still redacted', () => {
  const reads = ['-----BEGIN RSA PRIVATE KEY-----\n', 'MIIEowIBAAKCAQEAx4UbaDzY8e3+ZCmBSnr0uG5Y\np2hFoBNbXpjq0Zv4W2l9sT1aQwIDAQABAoIBAQC\n', '-----END RSA PRIVATE KEY-----\nafter\n'];
  const input = Buffer.from(reads.join(''));
  const out = clean(input, [reads[0].length, reads[0].length + reads[1].length]).text;
  for (const p of PEM_BODY) assert.ok(!out.includes(p), out);
  assert.match(out, /after\n$/);
});

test('a secret placeholder value is masked on the fast path too, even when cut', () => {
  const secret = 'Hunter2-Correct-Horse';
  const input = Buffer.from(`${'plain line\n'.repeat(50)}connecting with ${secret} now\n${'plain line\n'.repeat(50)}`);
  for (const size of [1, 5, 17, 300, 100000]) {
    const cuts = Array.from({ length: Math.ceil(input.length / size) }, (_, i) => i * size);
    const out = clean(input, cuts, [secret]).text;
    assert.doesNotMatch(out, /Hunter2/);
    assert.equal(out.split('\n').length, input.toString().split('\n').length);
  }
});

test('plain lines come out as the same bytes, undecoded', () => {
  const plain = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz\n'.repeat(5000));
  const out = clean(plain, [plain.length / 2 + 3]);
  assert.equal(out.text, plain.toString());
  assert.ok(out.fast > plain.length * 0.9);
});

test('the live text (ANSI kept) is what liveRedactedSink makes of the raw output, cut anywhere', () => {
  const live = (input: Buffer, cuts: number[]) => {
    let shown = '';
    const c = createOutputCleaner([], (p) => { shown += p.toString(); });
    let expected = '';
    const sink = liveRedactedSink((t) => { expected += t; });
    const decoder = new StringDecoder('utf8');
    let at = 0;
    for (const cut of [...cuts, input.length]) {
      if (cut > at) {
        c.push(input.subarray(at, cut), () => undefined);
        sink.write(decoder.write(input.subarray(at, cut)));
      }
      at = Math.max(at, cut);
    }
    c.end(() => undefined);
    sink.write(decoder.end());
    sink.end();
    return { shown, expected };
  };
  fc.assert(fc.property(fc.array(fc.nat(buf.length), { maxLength: 30 }), (cutList) => {
    const cuts = [...cutList].sort((a, b) => a - b);
    const lines = live(linesOnly, cuts.filter((c) => c <= linesOnly.length));
    assert.equal(lines.shown, lines.expected);
    const { shown } = live(buf, cuts);
    assert.ok(shown.includes('\u001b[32mgreen'), 'colours are kept');
    for (const p of PEM_BODY) assert.ok(!shown.includes(p), 'the PEM body is redacted');
    for (const s of creds) assert.ok(!leakedPieces(s.value, shown), s.provider);
  }), { numRuns: 200 });
});
