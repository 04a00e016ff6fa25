// Run Selection: which code a range of runbook lines runs, and the clear errors around it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseRunbook } from '../../src/core/runbook/parse';
import { selectRunbookLines } from '../../src/core/runbook/selectLines';
import { describeBlock } from '../../src/core/runbook/blockLabel';

const RUNBOOK = [
  '# Payments', //                      1
  '',
  '## Recovery', //                     3
  '',
  '### Service Restart', //             5
  '',
  '```bash { name="Restart the deployment" }', // 7
  'NS="photon-mlir"', //                8
  'kubectl get secret db -n "$NS" -o name', // 9
  '', //                               10
  'kubectl rollout restart deployment/<deploy> -n "$NS"', // 11
  '```', //                            12
  '',
  'Some prose.', //                    14
  '',
  '```console', //                     16
  '$ kubectl get pods', //             17
  'NAME   READY', //                   18
  'web-1  1/1', //                     19
  '$ kubectl logs web-1 \\', //        20
  '    --tail=5', //                   21
  '```', //                            22
  '',
  '```promql', //                      24
  'up', //                             25
  '```', //                            26
].join('\n');

const runbook = parseRunbook(RUNBOOK);

function ok(start: number, end: number) {
  const s = selectRunbookLines(runbook, start, end);
  assert.ok(s.ok, `lines ${start}-${end}: ${s.ok ? '' : s.error}`);
  return s.block;
}

function error(start: number, end: number): string {
  const s = selectRunbookLines(runbook, start, end);
  assert.ok(!s.ok, `lines ${start}-${end} should be refused`);
  return s.error;
}

test('the selected lines of a block run alone, with only their placeholders', () => {
  const b = ok(8, 9);
  assert.equal(b.code, 'NS="photon-mlir"\nkubectl get secret db -n "$NS" -o name');
  assert.deepEqual(b.selectedLines, [8, 9]);
  assert.deepEqual(b.placeholders, [], 'the placeholder on line 11 is not asked for');
  assert.equal(b.name, 'Restart the deployment');
  assert.deepEqual(b.runLines, [8, 9]);
  const restart = ok(11, 11);
  assert.deepEqual(restart.placeholders, ['deploy']);
  assert.deepEqual(restart.placeholderRefs.map((p) => p.line), [11]);
});

test('fence lines in the selection are dropped, so selecting the whole block runs all of it', () => {
  const b = ok(7, 12);
  assert.equal(b.code, runbook.blocks[0].code);
  assert.deepEqual(b.selectedLines, [8, 11]);
});

test('a transcript runs only the prompt lines in the selection, with their continuations', () => {
  const b = ok(18, 21);
  assert.equal(b.code, 'kubectl logs web-1 \\\n    --tail=5');
  assert.deepEqual(b.selectedLines, [20, 21]);
  assert.match(error(18, 19), /no command .* to run \(in a transcript only the `\$ ` prompt lines run\)/);
});

test('outside a block, across two blocks, past a fence, blank only or a query: a clear error', () => {
  assert.equal(error(14, 14), 'line 14 is not inside a runnable block');
  assert.match(error(9, 17), /^lines 9–17 span 2 blocks \(“Restart the deployment” in Recovery › Service Restart, the block at line 16 in Recovery › Service Restart\): select lines of one block$/);
  assert.match(error(11, 14), /^lines 11–14 go outside “Restart the deployment” in Recovery › Service Restart \(lines 7–12\)/);
  assert.match(error(10, 10), /has no command/);
  assert.match(error(12, 12), /has no command/);
  assert.match(error(25, 25), /is a promql query/);
  assert.match(error(9, 8), /not a range/);
});

test('blocks are described by name and section, never by number', () => {
  assert.equal(describeBlock(runbook.blocks[0]), '“Restart the deployment” in Recovery › Service Restart');
  assert.equal(describeBlock(runbook.blocks[1]), 'the block at line 16 in Recovery › Service Restart');
  assert.equal(describeBlock(ok(9, 9)), 'line 9 of “Restart the deployment” in Recovery › Service Restart');
  assert.equal(describeBlock(ok(8, 9)), 'lines 8–9 of “Restart the deployment” in Recovery › Service Restart');
  assert.equal(describeBlock({ line: 3, section: [] }), 'the block at line 3');
});
