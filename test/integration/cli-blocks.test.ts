import { before, after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { builtCli } from '../harness/builtCli';

const root = path.resolve(__dirname, '../..');
let cli = '';
let cleanupCli = (): void => undefined;
const reference = path.join(root, 'examples/incident-response.md');
let tmp = '';

function runCli(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'blocks', ...args], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  ({ cli, cleanup: cleanupCli } = await builtCli());
  tmp = mkdtempSync(path.join(tmpdir(), 'rl-blocks-'));
});
after(() => {
  rmSync(tmp, { recursive: true, force: true });
  cleanupCli();
});

test('blocks --json on the reference runbook: 17 blocks with exactly the contract fields', () => {
  const r = runCli(reference, '--json');
  assert.equal(r.code, 0, r.stderr);
  const items = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.equal(items.length, 17);
  for (const item of items) {
    assert.deepEqual(Object.keys(item), ['index', 'kind', 'lang', 'line', 'endLine', 'section', 'name', 'attributes', 'placeholders', 'code']);
  }
  assert.deepEqual(items.map((i) => i.line), [29, 41, 48, 58, 85, 97, 109, 170, 194, 206, 221, 281, 296, 311, 333, 344, 358]);
  assert.deepEqual(items[0], {
    index: 1,
    kind: 'shell',
    lang: 'bash',
    line: 29,
    endLine: 32,
    section: ['Incident Response Runbook', 'P0 Critical Incident Response', 'Initial Response (0-15 minutes)'],
    name: null,
    attributes: {},
    placeholders: ['incident-key'],
    code: '# Acknowledge PagerDuty alert\npd ack --incident-key <incident-key>',
  });
  assert.deepEqual(items[11].placeholders, ['pod-name']);
  assert.deepEqual(items[13].placeholders, ['id']);
});

test('blocks --json: promql numbered with shell, names, attributes, console prompts', () => {
  const file = path.join(tmp, 'mixed.md');
  writeFileSync(file, [
    '---', 'title: mixed', '---', '# Checks', '',
    '```promql {"name":"errors","range":"30m","step":"30s"}', 'rate(errors_total{pod="<pod>"}[5m])', '```', '',
    '```yaml', 'a: 1', '```', '',
    '## Shell', '```console { name=pods }', '$ oc get pods -n <namespace>', 'NAME  READY', '```', '',
  ].join('\r\n'));
  const r = runCli('--json', file);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [
    {
      index: 1, kind: 'promql', lang: 'promql', line: 6, endLine: 8, section: ['Checks'], name: 'errors',
      attributes: { name: 'errors', range: '30m', step: '30s' }, placeholders: ['pod'], code: 'rate(errors_total{pod="<pod>"}[5m])',
    },
    {
      index: 2, kind: 'shell', lang: 'console', line: 15, endLine: 18, section: ['Checks', 'Shell'], name: 'pods',
      attributes: { name: 'pods' }, placeholders: ['namespace'], code: 'oc get pods -n <namespace>',
    },
  ]);
});

test('blocks without --json prints a readable table', () => {
  const r = runCli(reference);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^#\s+KIND\s+LANG\s+LINES\s+NAME\s+PLACEHOLDERS\s+SECTION$/);
  assert.equal(lines.length, 18);
  assert.match(lines[1], /^1\s+shell\s+bash\s+29-32\s+<incident-key>\s+Incident Response Runbook › P0 Critical/);
  const empty = path.join(tmp, 'empty.md');
  writeFileSync(empty, '# Nothing to run\n');
  assert.equal(runCli(empty).stdout, 'No runnable blocks.\n');
  assert.equal(runCli(empty, '--json').stdout, '[]\n');
});

test('bad arguments and unreadable files: one clear line on stderr, exit 2', () => {
  const cases: [string[], RegExp][] = [
    [[], /missing FILE/],
    [[path.join(tmp, 'nope.md')], /cannot read .*nope\.md: no such file/],
    [[tmp], /cannot read .*: is a directory/],
    [['--jsn', reference], /Unknown option '--jsn'/],
    [[reference, reference], /expected one FILE, got 2/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('blocks --help', () => {
  const r = runCli('--help');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: runbook-lens blocks FILE \[--json\]/);
});
