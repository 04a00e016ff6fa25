import { explainBlock, explanationMarkdown } from '../../core/guard/explain';
import { judgeBlock } from '../../core/guard/judgeBlock';
import { parseRunbook } from '../../core/runbook/parse';
import { parseCommandArgs, UsageError, withUsageErrors } from '../args';
import { readInputFile } from '../inputFile';
import { targetFromFlags, targetOptions } from '../kubeTarget';
import { selectBlock } from '../selectBlock';
import { readCliSafety } from '../safetySettings';

export const help = `Usage: runbook-lens explain FILE (--block N | --name NAME) [--json]
                            [--context NAME] [--namespace NS] [--kubeconfig PATH]

Explain one block without running it: the code it runs, where (context, cluster,
namespace), which of its commands are destructive and why, what cannot be checked,
hidden Unicode, the placeholders it needs, and what 'run' would ask before running it.

Options:
  --block N          The N-th runnable block (1-based, as listed by 'runbook-lens blocks').
  --name NAME        The block whose info string says name=NAME.
  --json             Print the explanation as JSON instead of Markdown.
  --context NAME, --namespace NS, --kubeconfig PATH
                     The target to explain against (protected contexts need a typed name).
  -h, --help         Show this help.

Exit status: 0 on success, 2 for bad arguments or a file that cannot be read.`;

const options = { block: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' }, ...targetOptions } as const;

export async function run(argv: string[]): Promise<number> {
  return withUsageErrors('explain', async () => {
    const { values, positionals } = parseCommandArgs(argv, options, { min: 1, max: 1, names: 'FILE (the runbook)' });
    const file = positionals[0];
    const block = selectBlock(parseRunbook(await readInputFile(file)), file, values);
    if (block.kind !== 'shell') throw new UsageError(`block ${block.index} of ${file} is a ${block.lang} query, not a shell block`);
    const target = targetFromFlags(values)?.target ?? null;
    const safety = readCliSafety(file);
    const { assessment, decision } = await judgeBlock(block, block.code, { rules: safety.rules, target, protectedPatterns: safety.protectedPatterns, placeholders: block.placeholders });
    const explanation = explainBlock(block, assessment, target, decision);
    process.stdout.write(values.json ? `${JSON.stringify(explanation, null, 2)}\n` : explanationMarkdown(explanation));
    return 0;
  });
}
