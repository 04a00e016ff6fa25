// Run Selection: which code a range of runbook lines runs, and the clear errors around it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { selectRunbookLines } from '../../../../src/core/runbook/selectLines';
import { describeBlock } from '../../../../src/core/runbook/blockLabel';
import { shellBlockLenses } from '../../../../src/core/runbook/lensModel';

// The fixture's layout: “Restart the deployment” fence 7–13 (blank line 11), prose at 15, a console
// transcript 17–23, a promql block 25–27, the “Check” block 31–34.
const RUNBOOK = fs.readFileSync(path.join(__dirname, '../../../fixtures/run/selection.md'), 'utf8');

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
  assert.equal(b.code, 'NAMESPACE="photon-mlir"\necho "reading credentials in $NAMESPACE" > read.ran');
  assert.deepEqual(b.selectedLines, [8, 9]);
  assert.deepEqual(b.placeholders, [], 'the placeholder on line 12 is not asked for');
  assert.equal(b.name, 'Restart the deployment');
  assert.deepEqual(b.runLines, [8, 9]);
  const restart = ok(12, 12);
  assert.deepEqual(restart.placeholders, ['deploy']);
  assert.deepEqual(restart.placeholderRefs.map((p) => p.line), [12]);
});

test('fence lines in the selection are dropped, so selecting the whole block runs all of it', () => {
  const b = ok(7, 13);
  assert.equal(b.code, runbook.blocks[0].code);
  assert.deepEqual(b.selectedLines, [8, 12]);
});

test('a transcript runs only the prompt lines in the selection, with their continuations', () => {
  const b = ok(19, 22);
  assert.equal(b.code, 'kubectl logs web-1 \\\n    --tail=5');
  assert.deepEqual(b.selectedLines, [21, 22]);
  assert.match(error(19, 20), /no command .* to run \(in a transcript only the `\$ ` prompt lines run\)/);
});

test('outside a block, across two blocks, past a fence, blank only or a query: a clear error', () => {
  assert.equal(error(15, 15), 'line 15 is not inside a runnable block');
  assert.equal(error(9, 18), 'lines 9–18 span 2 blocks (“Restart the deployment” in Recovery › Service Restart, the block at line 17 in Recovery › Service Restart): select lines of one block');
  assert.match(error(12, 15), /^lines 12–15 go outside “Restart the deployment” in Recovery › Service Restart \(lines 7–13\)/);
  assert.match(error(11, 11), /has no command/);
  assert.match(error(13, 13), /has no command/);
  assert.match(error(26, 26), /is a promql query/);
  assert.match(error(9, 8), /not a range/);
});

test('blocks are described by name and section, never by number', () => {
  assert.equal(describeBlock(runbook.blocks[0]), '“Restart the deployment” in Recovery › Service Restart');
  assert.equal(describeBlock(runbook.blocks[1]), 'the block at line 17 in Recovery › Service Restart');
  assert.equal(describeBlock(runbook.blocks[3]), 'the block at line 31 in Recovery › Check');
  assert.equal(describeBlock(ok(9, 9)), 'line 9 of “Restart the deployment” in Recovery › Service Restart');
  assert.equal(describeBlock(ok(8, 9)), 'lines 8–9 of “Restart the deployment” in Recovery › Service Restart');
  assert.equal(describeBlock({ line: 3, section: [] }), 'the block at line 3');
});

test('the ▶ Run lens tooltip names the block and target, not a number', () => {
  const lenses = shellBlockLenses(runbook, { target: { context: 'prod-eu', cluster: 'eu', namespace: 'photon-mlir' }, isRunning: () => false, lastResult: () => undefined });
  const run = lenses.find((l) => l.command === 'runbookLens.runBlock' && l.line === 7);
  assert.equal(run?.tooltip, 'Run “Restart the deployment” in Recovery › Service Restart against context prod-eu, namespace photon-mlir');
  assert.ok(lenses.every((l) => !/block \d/.test(l.tooltip ?? '') && !/block \d/.test(l.title)));
});
