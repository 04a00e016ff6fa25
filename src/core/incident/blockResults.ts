import type { TimelineEntry } from './types';

export type BlockResult = 'ok' | 'failed' | 'stopped' | 'timeout';

/**
 * The last recorded result of each block of one runbook in an incident's timeline, by block
 * index. `runbook` is the workspace-relative path the entries carry. Entries without a status
 * (older records) are read from their exit code.
 */
export function lastBlockResults(entries: TimelineEntry[], runbook: string): Map<number, BlockResult> {
  const out = new Map<number, BlockResult>();
  const want = normalize(runbook);
  for (const e of entries) {
    if (e.kind !== 'command' || typeof e.block !== 'number' || typeof e.runbook !== 'string' || normalize(e.runbook) !== want) continue;
    // A run with no result yet says nothing about how the block ended.
    if (e.status === 'started') continue;
    out.set(e.block, resultOf(e));
  }
  return out;
}

function resultOf(e: TimelineEntry): BlockResult {
  const status = (e as { status?: unknown }).status;
  if (status === 'ok' || status === 'failed' || status === 'stopped' || status === 'timeout') return status;
  if (e.exitCode === 0) return 'ok';
  return e.exitCode === null || e.exitCode === undefined ? 'stopped' : 'failed';
}

function normalize(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}
