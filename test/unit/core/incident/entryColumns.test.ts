import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { entryColumns } from '../../../../src/core/incident/entryColumns';

test('opening an entry never uses a third column: the runbook stays, the output reuses the side column', () => {
  // The layout: runbook in 1, timeline panel beside it in 2. Before, the output went to 3.
  assert.deepEqual(entryColumns([1, 2], 1, 2), { runbook: 1, output: 2 });
  assert.deepEqual(entryColumns([1, 2], undefined, 2), { runbook: 1, output: 2 });
  // From the tree: no timeline panel; one column → the output beside it; two → the existing second.
  assert.deepEqual(entryColumns([1]), { runbook: 1, output: 2 });
  assert.deepEqual(entryColumns([1, 2]), { runbook: 1, output: 2 });
  assert.deepEqual(entryColumns([1, 2], 2), { runbook: 2, output: 1 });
  // The timeline was moved to the first column.
  assert.deepEqual(entryColumns([1, 2], undefined, 1), { runbook: 2, output: 1 });
  assert.deepEqual(entryColumns([1], undefined, 1), { runbook: 2, output: 1 });
});

test('for every layout of up to three existing columns, nothing opens beyond the columns there are (or a second one)', () => {
  for (const open of [[1], [1, 2], [1, 2, 3], [2], [1, 3]]) {
    for (const runbookIn of [undefined, ...open]) {
      for (const timeline of [undefined, ...open]) {
        const r = entryColumns(open, runbookIn, timeline);
        const limit = Math.max(2, ...open);
        assert.ok(r.runbook <= limit && r.output <= limit, JSON.stringify({ open, runbookIn, timeline, r }));
        assert.notEqual(r.runbook, r.output, JSON.stringify({ open, runbookIn, timeline, r }));
        if (runbookIn !== undefined && runbookIn !== timeline) assert.equal(r.runbook, runbookIn, 'the runbook stays where it is');
        if (open.length >= 2) assert.ok(open.includes(r.output), `reuses an existing column: ${JSON.stringify({ open, runbookIn, timeline, r })}`);
      }
    }
  }
});
