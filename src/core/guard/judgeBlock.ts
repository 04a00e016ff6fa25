/** Assess a block's code and decide what must happen before it runs: one path for the dialogs, the CLI and Explain. */
import type { KubeTarget } from '../kube/types';
import type { RunbookBlock } from '../runbook/types';
import { assessCode } from './classify';
import { decideConfirmation, type ConfirmationDecision } from './confirmation';
import { withConstantsShown } from './constants';
import { codeLineOffset } from './explain';
import type { Assessment, GuardRules } from './types';

export interface JudgeOptions {
  rules?: GuardRules;
  target?: KubeTarget | null;
  protectedPatterns?: string[];
  /** Placeholder names still written `<name>` in `code` (Explain reads the unfilled block). */
  placeholders?: string[];
}

export async function judgeBlock(block: RunbookBlock, code: string, o: JudgeOptions = {}): Promise<{ assessment: Assessment; decision: ConfirmationDecision }> {
  const placeholders = o.placeholders ?? [];
  const assessment = await withConstantsShown(code, await assessCode(code, o.rules, { placeholders }), placeholders);
  const decision = decideConfirmation(assessment, { attributes: block.attributes, target: o.target, protectedPatterns: o.protectedPatterns, lineOffset: codeLineOffset(block), fence: block });
  return { assessment, decision };
}
