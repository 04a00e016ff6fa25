import { draftPostmortem, describeDraft } from '../../core/incident/draftPostmortem';
import { parseCommandArgs, withUsageErrors } from '../args';

export const help = `Usage: runbook-lens postmortem DIR [--workspace ROOT]

Write DIR/post-mortem.md: the facts from the incident timeline (UTC timeline table,
commands with exit codes and links to their outputs, failed steps, time to detect,
acknowledge, mitigate and resolve) and marked prompts (✍️ To fill in) for the judgement.

A post-mortem that a person has edited is never overwritten: the new draft is written
to DIR/post-mortem.draft-N.md instead (the newest draft is reused while it is unedited).

Options:
  --workspace ROOT  Folder the recorded runbook paths are relative to, for links to the
                    runbook lines (default: the current folder, then DIR's parents).
  -h, --help        Show this help.

Exit status: 0 when written (or already up to date), 1 when DIR is not an incident folder,
2 for bad arguments.`;

export async function run(argv: string[]): Promise<number> {
  return withUsageErrors('postmortem', async () => {
    const { values, positionals } = parseCommandArgs(argv, { workspace: { type: 'string' } }, { min: 1, max: 1, names: 'DIR (the incident folder)' });
    const result = await draftPostmortem(positionals[0], { workspaceRoots: [values.workspace ?? process.cwd()] });
    for (const p of result.problems) process.stderr.write(`runbook-lens postmortem: ${p}\n`);
    process.stdout.write(`${describeDraft(result)}\n`);
    return 0;
  });
}
