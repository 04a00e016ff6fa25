import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isUntouched, writeGenerated } from '../../../../src/core/incident/generatedFile';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-genfile-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BODY = '# Post-mortem: ✍️ two-byte › text\n\n| a | b |\n|---|---|\n| 📌 | — |\n';

function fresh(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  return path.join(dir, 'post-mortem.md');
}

test('the marker holds the SHA-256 of the body as UTF-8, and the file is the marker line then the body', async () => {
  const file = fresh('marker');
  assert.equal((await writeGenerated(file, BODY)).action, 'created');
  const bytes = fs.readFileSync(file);
  const text = bytes.toString('utf8');
  const nl = text.indexOf('\n');
  assert.equal(text.slice(nl + 1), BODY);
  assert.equal(text.slice(0, nl), `<!-- runbook-lens:generated sha256=${createHash('sha256').update(BODY, 'utf8').digest('hex')} · edit freely: regenerating then writes a separate draft -->`);
  assert.ok(isUntouched(text));
});

test('a body with CRLF in it is hashed with its line endings normalized, as a CRLF copy of the file is read', async () => {
  const file = fresh('crlf-body');
  const body = 'line one\r\nline two\n';
  await writeGenerated(file, body);
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, new RegExp(`sha256=${createHash('sha256').update('line one\nline two\n').digest('hex')}`));
  assert.ok(isUntouched(text));
});

test('the same draft again is unchanged, also when the file was checked out with CRLF; a new body replaces an untouched file', async () => {
  const file = fresh('again');
  await writeGenerated(file, BODY);
  assert.equal((await writeGenerated(file, BODY)).action, 'unchanged');
  const crlf = fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
  fs.writeFileSync(file, crlf);
  assert.equal((await writeGenerated(file, BODY)).action, 'unchanged');
  assert.equal(fs.readFileSync(file, 'utf8'), crlf, 'left as it is');
  assert.equal((await writeGenerated(file, BODY + 'more\n')).action, 'updated', 'a CRLF copy of what we wrote is still untouched');
  assert.ok(fs.readFileSync(file, 'utf8').endsWith('| 📌 | — |\nmore\n'));
});

test('a hand-edited file is never overwritten: the new text goes to a draft, which is reused while unedited', async () => {
  const file = fresh('edited');
  await writeGenerated(file, BODY);
  const edited = fs.readFileSync(file, 'utf8').replace('two-byte', 'edited');
  fs.writeFileSync(file, edited);
  const draft = path.join(path.dirname(file), 'post-mortem.draft-1.md');
  assert.deepEqual(await writeGenerated(file, BODY), { file: draft, action: 'draft', kept: file });
  assert.equal(fs.readFileSync(file, 'utf8'), edited);
  assert.deepEqual(await writeGenerated(file, BODY), { file: draft, action: 'unchanged', kept: file });
  assert.deepEqual(await writeGenerated(file, BODY + 'x\n'), { file: draft, action: 'draft', kept: file });
  fs.appendFileSync(draft, 'my note\n');
  const second = path.join(path.dirname(file), 'post-mortem.draft-2.md');
  assert.deepEqual(await writeGenerated(file, BODY), { file: second, action: 'draft', kept: file });
  assert.equal(fs.readFileSync(file, 'utf8'), edited);
  assert.ok(fs.readFileSync(draft, 'utf8').endsWith('my note\n'), 'the edited draft is kept too');
});
