import { diagnostic } from '../codes';
import { attributeColumns } from '../fenceLine';
import { fenceRange } from '../fenceRange';
import type { LintDiagnostic, LintInput } from '../types';
import type { RunbookBlock } from '../../runbook/types';

/** RL005: two blocks with the same `name`: `run --name` and links to the name become ambiguous. */
export function duplicateNameRule({ lines, runbook }: LintInput): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  const first = new Map<string, RunbookBlock>();
  for (const block of runbook.blocks) {
    const name = block.name;
    if (name === undefined) continue;
    const earlier = first.get(name);
    if (!earlier) {
      first.set(name, block);
      continue;
    }
    const cols = attributeColumns(lines[block.line - 1] ?? '', 'name');
    out.push(diagnostic(
      'RL005',
      `Block name '${name}' is already used by block ${earlier.index} (line ${earlier.line}); names must be unique.`,
      cols ? { line: block.line, column: cols.start, endColumn: cols.end } : fenceRange(lines, block.line),
    ));
  }
  return out;
}
