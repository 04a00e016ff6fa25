import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { capOutput, HeadTailCapture } from '../../../../src/core/exec/outputCap';
import { createLineBuffer } from '../../../../src/core/exec/lineBuffer';
import { cleanTerminalText } from '../../../../src/core/exec/ansi';
import { createStreamRedactor } from '../../../../src/core/incident/redaction/stream';

test('capOutput keeps short text whole', () => {
  assert.deepEqual(capOutput('a\nb\n', 100), { text: 'a\nb\n', truncated: false, totalBytes: 4 });
});

test('head and tail are kept at line boundaries, with the omitted size in between', () => {
  const text = Array.from({ length: 1000 }, (_, i) => `line ${i}\n`).join('');
  const r = capOutput(text, 200);
  assert.equal(r.truncated, true);
  assert.equal(r.totalBytes, Buffer.byteLength(text));
  const [head, tail] = r.text.split(/… \[\d+ bytes omitted[^\n]*\n/);
  assert.ok(head.startsWith('line 0\nline 1\n') && head.endsWith('\n'));
  assert.ok(tail.endsWith('line 998\nline 999\n'));
  assert.ok(Buffer.byteLength(head) <= 100 && Buffer.byteLength(tail) <= 100);
  const omitted = Number(/\[(\d+) bytes omitted/.exec(r.text)![1]);
  assert.equal(omitted, r.totalBytes - Buffer.byteLength(head + tail));
});

test('pushing in small chunks gives the same result as one push, and never splits characters', () => {
  const text = 'héllo wörld ✓ '.repeat(500) + '\nend ✓\n';
  const whole = capOutput(text, 301);
  const stream = new HeadTailCapture(301);
  for (let i = 0; i < text.length; i += 7) stream.push(text.slice(i, i + 7));
  assert.deepEqual(stream.result(), whole);
  assert.ok(!whole.text.includes('\uFFFD'));
});

test('line buffer holds back unfinished lines and releases very long ones', () => {
  const lb = createLineBuffer(10);
  assert.equal(lb.push('abc'), '');
  assert.equal(lb.push('def\ngh'), 'abcdef\n');
  assert.equal(lb.push('ijklmnopq'), 'ghijklmnopq');
  assert.equal(lb.push('r'), '');
  assert.equal(lb.end(), 'r');
});

test('stream redactor only releases complete lines and flushes the rest at the end', () => {
  const r = createStreamRedactor();
  assert.equal(r.push('hello wor'), '');
  assert.equal(r.push('ld\nnext'), 'hello world\n');
  assert.equal(r.end(), 'next');
  assert.deepEqual(typeof r.counts(), 'object');
});

test('terminal text: colours, OSC links and \\r redraws are cleaned, CRLF becomes LF', () => {
  assert.equal(cleanTerminalText('\u001b[1;31mERR\u001b[0m disk full\n'), 'ERR disk full\n');
  assert.equal(cleanTerminalText('10%\r50%\r100%\r\nok\r\n'), '100%\nok\n');
  assert.equal(cleanTerminalText('\u001b]8;;https://x\u0007link\u001b]8;;\u0007'), 'link');
});
