// The live view shows a block once, as a header and its code, not one `$ ` per line.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CODE_CLOSE, CODE_OPEN, echoHeader } from '../../../../src/core/exec/runEcho';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { selectRunbookLines } from '../../../../src/core/runbook/selectLines';

const SCRIPT = ['#!/bin/bash', 'NS="photon-mlir"', '', 'if kubectl get ns "$NS"; then', '  echo ok', 'fi', ''].join('\n');
const RUNBOOK = `# Ops\n\n## Recovery\n\n\`\`\`bash { name="Check the namespace" }\n${SCRIPT}\`\`\`\n`;
const at = new Date('2026-12-02T01:00:00Z');

test('the header names the block and target once; the code is listed once, fi and blank lines included, without $ prompts', () => {
  const block = parseRunbook(RUNBOOK).blocks[0];
  const lines = echoHeader({ block, code: block.code, target: { context: 'prod-eu', cluster: 'eu', namespace: 'photon-mlir' }, file: 'ops.md', at });
  assert.deepEqual(lines, [
    '',
    '▶ “Check the namespace” in Ops › Recovery · prod-eu/photon-mlir',
    '  ops.md lines 6–11 · 2026-12-02T01:00:00.000Z',
    CODE_OPEN,
    '│ #!/bin/bash',
    '│ NS="photon-mlir"',
    '│',
    '│ if kubectl get ns "$NS"; then',
    '│   echo ok',
    '│ fi',
    CODE_CLOSE,
  ]);
  assert.ok(!lines.some((l) => l.includes('$ ')), 'no line is shown as an executed command');
});

test('a selection says which lines of which block run; no target says where kubectl goes', () => {
  const picked = selectRunbookLines(parseRunbook(RUNBOOK), 7, 7);
  assert.ok(picked.ok);
  const lines = echoHeader({ block: picked.block, code: picked.block.code, target: undefined, file: 'ops.md', at });
  assert.equal(lines[1], '▶ Line 7 of “Check the namespace” in Ops › Recovery · current kubeconfig context');
  assert.equal(lines[2], '  ops.md line 7 · 2026-12-02T01:00:00.000Z');
  assert.deepEqual(lines.slice(3), [CODE_OPEN, '│ NS="photon-mlir"', CODE_CLOSE]);
});
