// The byte gate may only ever let more through than the string gate: a batch it rules out must
// be one that no redaction rule could change.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesMayHoldSecret, jsBytesMayHoldSecret, textMayHoldSecret } from '../../../../../src/core/incident/redaction/byteGate';
import { buildGateTable } from '../../../../../src/core/incident/redaction/gateTable';
import { createWasmGate } from '../../../../../src/core/incident/redaction/wasmGate';
import { gateTriggers, mayHoldSecret, minimalTriggers } from '../../../../../src/core/incident/redaction/triggerGate';
import { ordinaryLines } from '../../../../support/ordinaryLines';
import { credentialCorpus } from '../../../../support/credentialCorpus';

const triggers = minimalTriggers(gateTriggers() ?? []);
const randomCase = (s: string, bits: number) => [...s].map((c, i) => ((bits >> (i % 30)) & 1 ? c.toUpperCase() : c)).join('');
const ascii = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.:/=~"\\\n'.split('')), maxLength: 60 });

test('every trigger is found at any offset, in any case, with the range starting anywhere', () => {
  fc.assert(fc.property(fc.constantFrom(...triggers), ascii, ascii, fc.integer({ min: 0, max: 2 ** 30 }), fc.nat(3), (t, before, after, bits, pad) => {
    const text = before + randomCase(t, bits) + after;
    const buf = Buffer.from('#'.repeat(pad) + text, 'latin1');
    return bytesMayHoldSecret(buf, pad, buf.length) === true;
  }), { numRuns: 3000 });
});

test('wherever the string gate lets a range in, so does the byte gate', () => {
  fc.assert(fc.property(ascii, fc.constantFrom('', ...triggers), ascii, fc.nat(8), fc.nat(8), (a, t, b, cutFront, cutBack) => {
    const buf = Buffer.from(a + t + b, 'latin1');
    const from = Math.min(cutFront, buf.length);
    const to = Math.max(from, buf.length - cutBack);
    const strict = mayHoldSecret(buf.toString('latin1', from, to).toLowerCase());
    return !strict || bytesMayHoldSecret(buf, from, to);
  }), { numRuns: 5000 });
});

test('real credentials are let in; most ordinary log lines are ruled out', () => {
  const creds = credentialCorpus(2, 29).filter((s) => /^[\x20-\x7e]+$/.test(s.value));
  const missed = creds.filter((s) => mayHoldSecret(s.value.toLowerCase()) && !bytesMayHoldSecret(Buffer.from(`x ${s.value}\n`)));
  assert.deepEqual(missed.map((s) => s.provider), []);
  const lines = ordinaryLines(2000, 41).filter((l) => /^[\x20-\x7e]*$/.test(l));
  const agree = lines.filter((l) => bytesMayHoldSecret(Buffer.from(l)) === mayHoldSecret(l.toLowerCase())).length;
  console.log(`byte gate: ${creds.length}/${creds.length} credentials let in; agrees with the string gate on ${agree}/${lines.length} ordinary lines`);
  assert.ok(agree > lines.length * 0.9, `agrees on only ${agree}/${lines.length}`);
});

test('on any Unicode text, the gate through UTF-8 bytes lets in all the string gate does', () => {
  const unicode = fc.string({ unit: fc.oneof(fc.constantFrom('İ', 'K', 'ſ', 'é', '✓', '📌', 'Ω', '\u0307'), fc.string({ unit: 'grapheme', maxLength: 1 }), fc.constantFrom(...'aekst_-.: '.split(''))), maxLength: 40 });
  fc.assert(fc.property(unicode, fc.constantFrom('', ...triggers), unicode, fc.integer({ min: 0, max: 2 ** 30 }), (a, t, b, bits) => {
    const text = a + randomCase(t, bits) + b;
    return !mayHoldSecret(text.toLowerCase()) || textMayHoldSecret(text);
  }), { numRuns: 5000 });
  // The two characters that lower-case to ASCII complete a trigger only in the string gate's view.
  for (const text of ['\u212aey=abc', 'İnfo \u212aEY: x']) assert.equal(textMayHoldSecret(text), mayHoldSecret(text.toLowerCase()));
});

// The WebAssembly gate (byteGate.wat) must give the JavaScript gate's verdict on any bytes, for
// any range, and find every trigger at every offset, alignment and window boundary.
const table = buildGateTable()!;
const wasmGate = createWasmGate(table)!;

test('the WebAssembly gate is compiled and agrees with the JavaScript gate on random bytes', () => {
  assert.ok(wasmGate, 'byteGate.wat did not compile or instantiate');
  const piece = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.constantFrom(...triggers).map((t) => Buffer.from(t, 'latin1')), ascii.map((s) => Buffer.from(s, 'latin1')));
  fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), fc.nat(9), fc.nat(9), (parts, cutFront, cutBack) => {
    const buf = Buffer.concat(parts);
    const from = Math.min(cutFront, buf.length);
    const to = Math.max(from, buf.length - cutBack);
    return wasmGate(buf, from, to) === jsBytesMayHoldSecret(table, buf, from, to);
  }), { numRuns: 5000 });
});

test('the WebAssembly gate finds every trigger at every offset, and across its 256 KiB windows', () => {
  const filler = Buffer.alloc(256 * 1024 + 64, '0123456789 '.repeat(3));
  const missed: string[] = [];
  for (const t of triggers) {
    const word = Buffer.from(randomCase(t, t.length * 7919), 'latin1');
    for (let at = 0; at < 6; at++) {
      const buf = Buffer.concat([filler.subarray(0, at), word, filler.subarray(0, 3)]);
      for (let from = 0; from <= at; from++) if (!wasmGate(buf, from, from + (buf.length - from))) missed.push(`${t}@${at}/${from}`);
    }
    // Straddling the end of the first window, at both parities.
    for (const shift of [-t.length, -t.length + 1, -1, 0, 1]) {
      const big = Buffer.from(filler);
      const at = 256 * 1024 + shift - 4;
      word.copy(big, at);
      if (!wasmGate(big, 0, big.length)) missed.push(`${t}@window${shift}`);
      if (wasmGate(big, 0, at + word.length - 1) && !jsBytesMayHoldSecret(table, big, 0, at + word.length - 1)) missed.push(`${t}@cut${shift}`);
    }
  }
  assert.deepEqual(missed, []);
});
