// Every command and query entry of a timeline is written by src/core/run: no other module
// appends one itself or calls the recorder directly (a second recorder drifts, as
// terminalRun.ts's did: no cwd, no 0600, an empty actor).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SRC = process.env.RUNBOOK_LENS_SCAN_SRC ?? path.resolve(__dirname, '../../../../src');
const OWNER = `core${path.sep}run${path.sep}`;
/** The recorder's functions: only the pipeline calls them. */
const RECORDER_CALL = /\b(?:recordStart|recordResult|recordQuery|runAndRecord|commandResultEntry)\s*\(/;
const RUN_KIND = /\bkind:\s*['"](?:command|query)['"]/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Code without comments, so a sentence about the recorder is not a call. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

export function strayRecorders(root: string): string[] {
  const found: string[] = [];
  for (const file of sources(root)) {
    const rel = path.relative(root, file);
    if (rel.startsWith(OWNER)) continue;
    const text = code(fs.readFileSync(file, 'utf8'));
    if (/\bappendEntry\s*\(/.test(text) && RUN_KIND.test(text)) found.push(`${rel}: appends a command/query entry`);
    const call = RECORDER_CALL.exec(text);
    // A definition (`function recordQuery(`) outside core/run is a second recorder too.
    if (call) found.push(`${rel}: ${call[0].replace(/\s*\($/, '')}`);
  }
  return found;
}

test('no module outside src/core/run appends a command or query entry', () => {
  assert.deepEqual(strayRecorders(SRC), []);
});

test('the scan sees both kinds of stray recorder', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-scan-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'extension'));
  fs.mkdirSync(path.join(dir, 'core', 'run'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'extension', 'own.ts'), "await appendEntry(dir, { id, kind: 'command', command });\n");
  fs.writeFileSync(path.join(dir, 'extension', 'direct.ts'), 'const e = await recordQuery(run, dir, id, outcome);\n');
  fs.writeFileSync(path.join(dir, 'extension', 'note.ts'), "// recordQuery( is the pipeline's\nawait appendEntry(dir, { id, kind: 'note', text });\n");
  fs.writeFileSync(path.join(dir, 'core', 'run', 'record.ts'), "await appendEntry(dir, { kind: 'query' });\n");
  assert.deepEqual(strayRecorders(dir).sort(), [`extension${path.sep}direct.ts: recordQuery`, `extension${path.sep}own.ts: appends a command/query entry`]);
});
