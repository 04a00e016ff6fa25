import type { Runbook, RunbookBlock } from '../core/runbook/types';
import { parsePositiveInt, UsageError } from './args';

/** The block chosen by `--block N` (1-based among runnable blocks) or `--name NAME`. */
export function selectBlock(runbook: Runbook, file: string, by: { block?: string; name?: string }): RunbookBlock {
  if (by.block !== undefined && by.name !== undefined) throw new UsageError('give either --block or --name, not both');
  if (by.block === undefined && by.name === undefined) throw new UsageError('say which block to run: --block N or --name NAME');
  const count = runbook.blocks.length;
  if (by.block !== undefined) {
    const index = parsePositiveInt(by.block, '--block');
    const block = runbook.blocks.find((b) => b.index === index);
    if (!block) throw new UsageError(`${file} has no block ${index} (it has ${count} runnable block${count === 1 ? '' : 's'})`);
    return block;
  }
  const matches = runbook.blocks.filter((b) => b.name === by.name);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new UsageError(`${file} has ${matches.length} blocks named '${by.name}' (blocks ${matches.map((b) => b.index).join(', ')}); use --block N`);
  }
  const names = [...new Set(runbook.blocks.filter((b) => b.name).map((b) => b.name))];
  throw new UsageError(`${file} has no block named '${by.name}'${names.length ? ` (names: ${names.join(', ')})` : ' (no block has a name)'}`);
}
