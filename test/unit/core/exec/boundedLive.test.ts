// The live view of a block printing hundreds of MiB gets a bounded amount of text, ending with
// the last lines, and says how much it skipped and where the full output is.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { boundedLiveSink, progressText } from '../../../../src/core/exec/liveOutput';

function run(chunks: (string | Buffer)[], stepMs: number, opts: Parameters<typeof boundedLiveSink>[1] = {}) {
  let clock = 0;
  let shown = '';
  let calls = 0;
  const sink = boundedLiveSink((t) => { shown += t; calls++; }, { ...opts, now: () => clock });
  for (const c of chunks) {
    sink.write(c);
    clock += stepMs;
  }
  sink.end();
  return { shown, calls };
}

const line = (i: number) => `2026-12-02T04:00:00Z INFO request ${i} served status=200\n`;

test('256 MiB of output: the view gets the head, a few tails and notes, and the last line', () => {
  const per = Math.floor(65536 / line(0).length);
  let n = 0;
  const chunks: Buffer[] = [];
  let total = 0;
  // 4096 reads of 64 KiB (256 MiB), one every millisecond (4 s of output).
  for (let i = 0; i < 4096; i++) {
    const text = Array.from({ length: per }, () => line(n++)).join('');
    const b = Buffer.from(text);
    chunks.push(b);
    total += b.length;
  }
  const file = '/incidents/x/outputs/abc.log';
  const { shown } = run(chunks, 1, { headBytes: 64 * 1024, tailBytes: 8 * 1024, everyMs: 1000, outputFile: file });
  const bytes = Buffer.byteLength(shown);
  // Head, then at most one tail (+ its note) per second of output, and the last one at the end.
  assert.ok(bytes <= 64 * 1024 + 6 * (8 * 1024 + 200), `showed ${bytes} bytes`);
  assert.ok(shown.endsWith(line(n - 1)), 'the last line is shown');
  assert.ok(shown.startsWith(line(0)), 'the first line is shown');
  const notes = [...shown.matchAll(/… \[([\d,]+) bytes not shown here; the full output is in (\S+)\] …\n/g)];
  assert.ok(notes.length >= 1);
  for (const m of notes) assert.equal(m[2], file);
  const skipped = notes.reduce((s, m) => s + Number(m[1].replace(/,/g, '')), 0);
  const notesBytes = notes.reduce((s, m) => s + Buffer.byteLength(m[0]), 0);
  assert.equal(skipped + bytes - notesBytes, total, 'shown + skipped = everything printed');
  // Only whole lines are shown.
  for (const l of shown.split('\n').slice(0, -1)) assert.match(l, /^(2026-12-02T04:00:00Z INFO request \d+ served status=200|… \[.*\] …)$/);
});

test('output that fits the head passes unchanged, as it comes', () => {
  const chunks = ['one\n', 'two', ' halves\n', Buffer.from('three\n')];
  const { shown } = run(chunks, 5000);
  assert.equal(shown, 'one\ntwo halves\nthree\n');
});

test('after the head, a quiet block still gets its latest lines within the interval', async () => {
  let shown = '';
  const sink = boundedLiveSink((t) => { shown += t; }, { headBytes: 10, everyMs: 30 });
  sink.write('0123456789\n');
  sink.write('later line\n');
  await new Promise((r) => setTimeout(r, 120));
  assert.match(shown, /later line\n$/);
  sink.end();
});

test('progress reads as size and time', () => {
  assert.equal(progressText({ bytes: 512, elapsedMs: 900 }), '512 B in 0.9 s');
  assert.equal(progressText({ bytes: 268435456, elapsedMs: 4200 }), '256.0 MiB in 4.2 s');
});
