import { isTranscriptLang } from '../../runbook/languages';
import { diagnostic } from '../codes';
import { langRange } from '../fenceRange';
import { setLanguageEdit } from '../fenceLine';
import { looksLikeShell } from '../shellLike';
import type { LintDiagnostic, LintInput } from '../types';

/**
 * A `console`/`shell-session` block without a `$ ` or `# ` prompt runs as a plain script.
 * RL004 (warning): some of its lines are not commands (sample output, a PromQL query…) and
 * would run too. RL011 (information): it is all commands; `bash` says so and keeps the Run lens.
 */
export function consoleWithoutPromptsRule({ lines, runbook }: LintInput): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const block of runbook.blocks) {
    if (block.kind !== 'shell' || !isTranscriptLang(block.lang) || block.transcript || block.body.trim() === '') continue;
    const at = langRange(lines, block.line);
    if (!looksLikeShell(block.body)) {
      out.push(diagnostic('RL004', `\`${block.lang}\` block ${block.index} has no \`$ \` prompt lines, so all of it runs as a script, including lines that are not commands. Put \`$ \` before each command.`, at));
      continue;
    }
    const edit = setLanguageEdit(lines[block.line - 1] ?? '', block.line, 'bash');
    out.push(diagnostic(
      'RL011',
      `\`${block.lang}\` block ${block.index} has no \`$ \` prompt lines: it is a script, not a transcript; label it \`bash\`.`,
      at,
      edit ? { title: 'Label the block `bash`', edits: [edit] } : undefined,
    ));
  }
  return out;
}
