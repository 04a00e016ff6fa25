/**
 * Where opening a timeline entry shows the runbook and the output (editor columns, 1-based).
 * Two columns at most: the runbook stays where it is (else the first column that is not the
 * timeline's), and the output goes into the side column that exists already, which is where the
 * timeline panel usually is. A third column would squeeze the runbook until its lenses are cut off.
 */
export interface EntryColumns {
  runbook: number;
  output: number;
}

/**
 * `open`: columns of the editor groups that exist; `runbookIn`: a column already showing the
 * runbook; `timeline`: the timeline panel's column (clicks from the tree have none).
 */
export function entryColumns(open: readonly number[], runbookIn?: number, timeline?: number): EntryColumns {
  const columns = [...new Set(open)].sort((a, b) => a - b);
  const runbook = runbookIn ?? columns.find((c) => c !== timeline) ?? (timeline === 1 ? 2 : 1);
  const side = (timeline !== undefined && timeline !== runbook ? timeline : undefined) ?? columns.find((c) => c !== runbook);
  // With a single column, the side column is the one beside it (the second).
  return { runbook, output: side ?? (runbook === 1 ? 2 : 1) };
}
