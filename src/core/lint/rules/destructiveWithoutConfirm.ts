import { diagnostic } from '../codes';
import { codeToDocument } from '../codePosition';
import { setAttributeEdit } from '../fenceLine';
import type { LintDiagnostic, LintInput } from '../types';

/**
 * RL002: a shell block that runs destructive commands (as the safety classifier sees them)
 * without `confirm=true`. Runs are confirmed anyway; the attribute tells readers and reviewers
 * that the block is dangerous. One diagnostic per block, on its first destructive command.
 */
export function destructiveWithoutConfirmRule({ lines, runbook, assessments }: LintInput): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const block of runbook.blocks) {
    const a = assessments.get(block.index);
    if (!a || block.attributes.confirm?.toLowerCase() === 'true') continue;
    const findings = [...a.destructive, ...a.denied].sort((x, y) => x.line - y.line || x.column - y.column);
    if (findings.length === 0) continue;
    const first = findings[0];
    const at = codeToDocument(block, lines, first.line, first.column);
    const firstLine = first.command.split(/;\s|\n/)[0];
    const endColumn = Math.min((lines[at.line - 1] ?? '').length, at.column + firstLine.length);
    const commands = new Set(findings.map((f) => f.command));
    const shown = firstLine.length > 50 ? `${firstLine.slice(0, 49)}…` : firstLine;
    const more = commands.size > 1 ? ` and ${commands.size - 1} more destructive command${commands.size > 2 ? 's' : ''}` : '';
    const explicit = block.attributes.confirm !== undefined ? ` (it says confirm=${block.attributes.confirm})` : '';
    const edit = setAttributeEdit(lines[block.line - 1] ?? '', block.line, 'confirm', 'true');
    out.push(diagnostic(
      'RL002',
      `Block ${block.index} runs \`${shown}\`${more} without confirm=true${explicit}: ${first.reason}.`,
      { line: at.line, column: at.column, endColumn: Math.max(endColumn, at.column + 1) },
      edit ? { title: 'Add confirm=true to the block', edits: [edit] } : undefined,
    ));
  }
  return out;
}
