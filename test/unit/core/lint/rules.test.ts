import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintRunbook } from '../../../../src/core/lint/lintRunbook';
import { LINT_CODES } from '../../../../src/core/lint/codes';

const FIXTURE = path.resolve(__dirname, '../../../fixtures/lint/flawed.md');

test('every flaw in the fixture runbook is found with its code, severity and exact position', async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const found = (await lintRunbook(text)).map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);
  assert.deepEqual(found, [
    '1:3 warning RL010', // block before any heading (range: the info string `bash`)
    '10:0 warning RL002', // rollout restart without confirm=true
    '13:9 error RL005', // second name=restart
    '13:26 warning RL008', // timeout=soon
    '17:21 warning RL006', // confrim
    '17:34 warning RL006', // colour
    '21:8 error RL007', // unclosed attribute list
    '28:11 error RL001', // U+202E
    '28:19 error RL001', // U+2066
    '33:0 information RL003', // unlabeled kubectl block
    '43:3 information RL011', // console block that is all commands
    '47:3 warning RL004', // console block holding a PromQL query
    '52:22 warning RL009', // <namepsace>
    '64:0 warning RL002', // JSON attributes without confirm
  ]);
});

test('ranges cover exactly the offending text', async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const lines = text.split('\n');
  const ds = await lintRunbook(text);
  const slice = (code: string) => {
    const d = ds.find((x) => x.code === code)!;
    assert.equal(d.endLine, d.line);
    return lines[d.line - 1].slice(d.column, d.endColumn);
  };
  assert.equal(slice('RL005'), '"name":"restart"');
  assert.equal(slice('RL008'), '"timeout":"soon"');
  assert.equal(slice('RL009'), '<namepsace>');
  assert.equal(slice('RL001'), '\u202e');
  assert.equal(slice('RL007'), '{ name=broken');
  assert.ok(slice('RL002').startsWith('kubectl -n <namespace> rollout restart'));
});

test('severity always matches the code table, and messages are one line', async () => {
  const ds = await lintRunbook(readFileSync(FIXTURE, 'utf8'));
  for (const d of ds) {
    assert.equal(d.severity, LINT_CODES[d.code as keyof typeof LINT_CODES].severity, d.code);
    assert.ok(!d.message.includes('\n'), d.message);
  }
});

test('a clean runbook has no diagnostics; the unlabeled message template is left alone', async () => {
  const text = [
    '# Runbook',
    '',
    '## Check',
    '',
    '```bash { name=check }',
    'kubectl get pods -n <namespace>',
    '```',
    '',
    '```bash { name=restart confirm=true }',
    'kubectl rollout restart deployment/web -n <namespace>',
    '```',
    '',
    '```',
    'Status: INVESTIGATING',
    'IC: @your-name',
    '```',
    '',
    '```console',
    '$ kubectl get nodes',
    'NAME   STATUS',
    '```',
  ].join('\n');
  assert.deepEqual(await lintRunbook(text), []);
});

test('placeholders that differ by design are not typos', async () => {
  const text = ['# R', '', '```bash', 'oc get pv <pv_name> pvc <pvc_name> <pvc_name>', 'virtctl start <vm-name-1>; virtctl start <vm-name-2>', 'oc get vmi <vmi-name>; oc get vm <vm-name>; echo <id> <ip> <ip>', '```'].join('\n');
  assert.deepEqual((await lintRunbook(text)).map((d) => d.code), []);
});

test('separator and case variants of a placeholder are reported once, on the rarer spelling', async () => {
  const text = ['# R', '', '```bash', 'oc logs <pod-name>; oc describe pod <pod-name>', 'oc delete pod <Pod_Name>', '```'].join('\n');
  const ds = (await lintRunbook(text)).filter((d) => d.code === 'RL009');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].line, 5);
  assert.match(ds[0].message, /<Pod_Name>.*<pod-name>/);
});

test('lint never throws on odd input', async () => {
  for (const text of ['', '```', '```bash {', '```bash {"name":', '> ```sh { name=x }\n> rm -rf /\n', '\uFEFF# x\n```bash\nrm -rf "$D"\n```', '~~~~\n~~~\n']) {
    await lintRunbook(text);
  }
});
