import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAndRecord } from '../../src/core/exec/recordRun';
import { appendEntry, newEntryId, readTimeline } from '../../src/core/incident/timeline';
import { parseRunbook } from '../../src/core/runbook/parse';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-safety-rec-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const secretsDir = path.resolve(__dirname, '../fixtures/secrets');
const secrets = JSON.parse(fs.readFileSync(path.join(secretsDir, 'secrets.json'), 'utf8')) as { kind: string; value: string }[];

function block(code: string) {
  const rb = parseRunbook(`# Test\n\n\`\`\`bash\n${code}\n\`\`\`\n`);
  return rb.blocks[0];
}

function everythingWritten(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of ['timeline.jsonl', 'timeline.md']) files.set(f, fs.readFileSync(path.join(dir, f), 'utf8'));
  for (const f of fs.readdirSync(path.join(dir, 'outputs'))) files.set(`outputs/${f}`, fs.readFileSync(path.join(dir, 'outputs', f), 'utf8'));
  return files;
}

test('through the real runner and timeline: no corpus secret survives in timeline.jsonl, timeline.md or outputs/*.log', async () => {
  const dir = path.join(tmp, 'corpus');
  fs.mkdirSync(dir);
  // Every fixture, then each secret written in two halves with a pause between, so it crosses a chunk boundary.
  const halves = path.join(tmp, 'halves.sh');
  fs.writeFileSync(halves, secrets.slice(0, 25).map((s) => {
    const cut = Math.floor(s.value.length / 2);
    return `printf '%s' 'password=${s.value.slice(0, cut)}'; sleep 0.01; printf '%s\\n' '${s.value.slice(cut)}'`;
  }).join('\n'));
  const code = `cat ${secretsDir}/*.txt\nbash ${halves}\necho done`;
  const b = block(code);
  const entry = await runAndRecord({ incidentDir: dir, runbookPath: path.join(tmp, 'rb.md'), runbookRel: 'rb.md', block: b, code, cwd: tmp });
  assert.equal(entry.exitCode, 0);
  const files = everythingWritten(dir);
  assert.equal(files.size, 3);
  for (const [name, text] of files) {
    const left = secrets.filter((s) => text.includes(s.value)).map((s) => `${s.kind}: ${s.value}`);
    assert.deepEqual(left, [], name);
  }
  assert.ok(Object.keys(entry.redactions ?? {}).length >= 10, JSON.stringify(entry.redactions));
  assert.match(files.get(`outputs/${entry.id}.log`) ?? '', /done/);
});

test('a command line carrying a secret is recorded redacted', async () => {
  const dir = path.join(tmp, 'command');
  const code = 'curl -s -H "Authorization: Bearer s3cr3tT0k3nV4lu3xyz123" http://127.0.0.1:1/ || true';
  const entry = await runAndRecord({ incidentDir: dir, runbookPath: path.join(tmp, 'rb.md'), runbookRel: 'rb.md', block: block(code), code, cwd: tmp });
  for (const [name, text] of everythingWritten(dir)) assert.ok(!text.includes('s3cr3tT0k3nV4lu3xyz123'), name);
  assert.equal(entry.redactions?.['authorization-header'], 1);
});

test('two runs of the same block started in parallel are both recorded', async () => {
  const dir = path.join(tmp, 'parallel');
  const code = 'sleep 0.3; echo "run $$"';
  const b = block(code);
  const req = { incidentDir: dir, runbookPath: path.join(tmp, 'rb.md'), runbookRel: 'rb.md', block: b, code, cwd: tmp };
  const [a, c] = await Promise.all([runAndRecord(req), runAndRecord(req)]);
  assert.notEqual(a.id, c.id);
  const read = await readTimeline(dir);
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.entries.map((e) => e.id).sort(), [a.id, c.id].sort());
  assert.notEqual(fs.readFileSync(path.join(dir, 'outputs', `${a.id}.log`), 'utf8'), fs.readFileSync(path.join(dir, 'outputs', `${c.id}.log`), 'utf8'));
});

test('killing a process while it appends timeline lines leaves a file that still loads', async () => {
  const dir = path.join(tmp, 'killed');
  fs.mkdirSync(dir);
  const appender = path.resolve(__dirname, '../fixtures/run/appendEntries.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', appender, dir, 'k', '3000'], { stdio: 'ignore' });
  const jsonl = path.join(dir, 'timeline.jsonl');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && (!fs.existsSync(jsonl) || fs.statSync(jsonl).size < 200_000)) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const before = await readTimeline(dir);
  assert.ok(before.entries.length > 0);
  assert.ok(before.problems.length <= 1, before.problems.join('; '));
  const next = { id: newEntryId(), time: new Date().toISOString(), kind: 'note' as const, text: 'after the kill' };
  await appendEntry(dir, next);
  const afterRead = await readTimeline(dir);
  assert.equal(afterRead.entries.at(-1)?.id, next.id);
  assert.equal(afterRead.entries.length, before.entries.length + 1);
});
