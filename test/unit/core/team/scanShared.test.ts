// The last check before a file of a shared incident is committed: every secret of the corpus,
// in the shapes an entry or an output can carry it, is refused; the same text once redacted (what
// the recorders write) passes, so sharing is not blocked by its own redaction markers.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanShared } from '../../../../src/core/team/incidentShare';
import { redactText } from '../../../../src/core/incident/redaction/redact';

const secretsDir = path.resolve(__dirname, '../../../fixtures/secrets');
const secrets = JSON.parse(fs.readFileSync(path.join(secretsDir, 'secrets.json'), 'utf8')) as { kind: string; value: string }[];
const files = fs.readdirSync(secretsDir).filter((f) => f.endsWith('.txt'));
const read = (f: string) => fs.readFileSync(path.join(secretsDir, f), 'utf8');

/** Rule findings as the recorder's redactor counts them in the plain text. */
const plainFindings = (text: string): string[] => Object.entries(redactText(text).counts).map(([rule, n]) => `${rule} ×${n}`).sort();

/** Every \u-escaped character: the JSON decodes to the same text, but the bytes show none of it. */
const escapeAll = (json: string): string => json.replace(/"((?:[^"\\]|\\.)*)"/g, (_m, body: string) => `"${[...JSON.parse(`"${body}"`) as string].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`);

/** The shapes a shared file can carry text in. */
function shapes(text: string): [string, Buffer][] {
  const entry = { id: '20261202T100000000Z-00-abcdef01', time: '2026-12-02T10:00:00.000Z', kind: 'command', command: 'kubectl get secret', output: text };
  return [
    ['entries/a.json', Buffer.from(JSON.stringify(entry))],
    ['entries/b.json', Buffer.from(escapeAll(JSON.stringify(entry)))],
    ['entries/c.json', Buffer.from(JSON.stringify({ ...entry, output: '', future: { notes: [text] } }))],
    ['entries/d.json', Buffer.from(JSON.stringify(entry).slice(0, -5))], // not JSON any more: scanned as it is
    ['outputs/e.log', Buffer.from(text)],
  ];
}

test('attacker corpus: in every shape a shared file can carry a block\'s output, the scan finds all the recorder finds', () => {
  let tried = 0;
  let held = 0;
  const missed: string[] = [];
  for (const f of files) {
    const text = read(f);
    const expected = plainFindings(text);
    assert.ok(expected.length, `${f} holds secrets the rules know`);
    for (const [file, content] of shapes(text)) {
      tried++;
      const got = scanShared(file, content).sort();
      // A file that is not JSON any more is scanned as bytes: anything found refuses it.
      const ok = file.endsWith('d.json') ? got.length > 0 : JSON.stringify(got) === JSON.stringify(expected);
      if (ok) held++;
      else missed.push(`${f} as ${file}: ${got.join(', ')} (expected ${expected.join(', ')})`);
    }
  }
  // Each secret value of the corpus is in one of those outputs, so each is refused with it.
  const inCorpus = secrets.filter((s) => files.some((f) => read(f).includes(s.value))).length;
  console.log(`# shared-file scan held ${held}/${tried} (${files.length} outputs × 5 shapes, ${inCorpus} secret values)`);
  assert.deepEqual(missed, []);
  assert.equal(inCorpus, secrets.length);
});

test('realistic corpus: the same outputs once redacted, in the same shapes, pass (no false refusal)', () => {
  let tried = 0;
  const refused: string[] = [];
  for (const f of files) {
    const clean = redactText(read(f)).text;
    for (const [file, content] of shapes(clean)) {
      if (file.endsWith('d.json')) continue; // a broken file is refused or not; it is not realistic
      tried++;
      const findings = scanShared(file, content);
      if (findings.length) refused.push(`${f} as ${file}: ${findings.join(', ')}`);
    }
  }
  console.log(`# redacted outputs passed ${tried - refused.length}/${tried}`);
  assert.deepEqual(refused, []);
});
