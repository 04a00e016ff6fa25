import { before, after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtCli } from '../harness/builtCli';

/** Issue 17 §3 and §5 through the real CLI: what lint reports as RL001, run refuses; bad bytes are refused by line. */
let cli = '';
let cleanupCli = (): void => undefined;
let tmp = '';

const fence = '```';
const blocks: { name: string; info: string; body: Buffer | string }[] = [
  { name: 'info-bidi', info: 'bash { title="Restart\u202E pods" }', body: 'touch info-bidi.ran' },
  { name: 'info-nbsp', info: 'bash {\u00a0name=x }', body: 'touch info-nbsp.ran' },
  { name: 'info-trailing-bom', info: 'bash { name=y }\uFEFF', body: 'touch info-trailing-bom.ran' },
  { name: 'invalid-utf8', info: 'bash', body: Buffer.concat([Buffer.from('touch invalid-utf8.ran\necho "caf'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"')]) },
  { name: 'nul', info: 'bash', body: Buffer.from('touch nul.ran\necho a\u0000b') },
  { name: 'nbsp-in-code', info: 'bash', body: 'touch nbsp-in-code.ran\nkubectl\u00a0get pods' },
  { name: 'look-alike', info: 'bash', body: 'touch look-alike.ran\nkub\u0435ctl get pods' },
  { name: 'clean', info: 'bash', body: 'touch clean.ran\necho "café 日本 Привет"' },
];

function runbook(): Buffer {
  const parts: Buffer[] = [Buffer.from('# Input\n')];
  for (const b of blocks) parts.push(Buffer.from(`\n## ${b.name}\n\n${fence}${b.info}\n`), Buffer.from(b.body), Buffer.from(`\n${fence}\n`));
  return Buffer.concat(parts);
}

function cli1(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: tmp, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface LintFinding { code: string; severity: string; line: number }

before(async () => {
  ({ cli, cleanup: cleanupCli } = await builtCli());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-guard-input-'));
  fs.writeFileSync(path.join(tmp, 'runbook.md'), runbook());
});

after(() => {
  cleanupCli();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('run refuses a block exactly when lint reports RL001 as an error for it, and names the line', () => {
  const lint = cli1('lint', 'runbook.md', '--json');
  const findings = JSON.parse(lint.stdout) as LintFinding[];
  const text = fs.readFileSync(path.join(tmp, 'runbook.md'), 'utf8').split('\n');
  blocks.forEach((b, i) => {
    const fenceLine = text.findIndex((l, at) => l.startsWith(fence) && text[at - 2] === `## ${b.name}`) + 1;
    const rl001 = findings.filter((f) => f.code === 'RL001' && f.severity === 'error' && (f.line === fenceLine || f.line === fenceLine + 1 || f.line === fenceLine + 2));
    const r = cli1('run', 'runbook.md', '--block', String(i + 1), '--incident', `inc-${b.name}`, '--yes');
    const ran = fs.existsSync(path.join(tmp, `${b.name}.ran`));
    assert.equal(ran, rl001.length === 0, `${b.name}: ran=${ran}, RL001=${JSON.stringify(rl001)}, stderr=${r.stderr}`);
    if (b.name === 'clean') return assert.equal(r.code, 0, r.stderr);
    assert.equal(r.code, 3, `${b.name}: ${r.stderr}`);
    assert.match(r.stderr, /nothing ran/);
    const line = rl001[0].line;
    assert.match(r.stderr, new RegExp(`line ${line}\\b`), `${b.name} names line ${line}: ${r.stderr}`);
  });
});

test('invalid UTF-8 and NUL bytes are named for what they are', () => {
  const bad = cli1('run', 'runbook.md', '--block', '4', '--incident', 'inc-bad', '--yes');
  assert.match(bad.stderr, /U\+FFFD REPLACEMENT CHARACTER \(NUL or invalid UTF-8 in the file\) at line 25, column 10/);
  // CommonMark turns NUL into U+FFFD before the block's code exists; lint, reading the raw line, names the NUL.
  const nul = cli1('run', 'runbook.md', '--block', '5', '--incident', 'inc-nul', '--yes');
  assert.match(nul.stderr, /U\+FFFD REPLACEMENT CHARACTER .* at line 32, column 7/);
  assert.match(cli1('lint', 'runbook.md').stdout, /runbook\.md:32:7 error RL001 U\+0000 NULL/);
  const info = cli1('run', 'runbook.md', '--block', '1', '--incident', 'inc-info', '--yes');
  assert.match(info.stderr, /U\+202E RIGHT-TO-LEFT OVERRIDE in the info string of the opening fence \(line 5\)/);
});
