import { diagnostic } from '../codes';
import { fenceRange } from '../fenceRange';
import { setLanguageEdit } from '../fenceLine';
import { looksLikeShell } from '../shellLike';
import type { LintDiagnostic, LintInput } from '../types';

/** RL003: an unlabeled fence whose lines are shell commands: it gets no Run lens. */
export function unlabeledShellRule({ lines, runbook }: LintInput): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const fence of runbook.fences) {
    if (fence.lang !== '' || !looksLikeShell(fence.body)) continue;
    const edit = setLanguageEdit(lines[fence.line - 1] ?? '', fence.line, 'bash');
    out.push(diagnostic(
      'RL003',
      'This block has no language but reads as shell commands; label it `bash` to make it runnable.',
      fenceRange(lines, fence.line),
      edit ? { title: 'Label the block `bash`', edits: [edit] } : undefined,
    ));
  }
  return out;
}
