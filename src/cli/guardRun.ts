/**
 * The CLI's confirmation gate: it has no dialogs, so a destructive block needs `--yes`, and on a
 * protected context also `--confirm-context NAME`. A refusal runs nothing and exits 3.
 */
import { describeWithLine, targetText } from '../core/guard/consentText';
import type { ConsentQuestion, RefusalReason } from '../core/run';

export const REFUSED_EXIT = 3;

export const guardOptions = {
  'confirm-context': { type: 'string' },
} as const;

export const guardHelp = `  --yes              Run a block the guard finds destructive (kubectl delete/scale/patch …,
                     helm uninstall, rm -r …) or that asks for confirmation (confirm=true).
  --confirm-context NAME
                     On a protected context (its name contains "prod"), also type the
                     context name here. A block with a deny rule or hidden Unicode never runs.
                     Rules and protected contexts: runbookLens.safety.* in the nearest
                     .vscode/settings.json above the runbook.`;

export interface GuardFlags {
  yes?: boolean;
  confirmContext?: string;
}

/** Why the block did not run, in the editor's words: the block by name and section, the target, never a block number. */
export function refusalMessage(q: ConsentQuestion, reason: RefusalReason, flags: GuardFlags): string {
  const { block, guardTarget, decision } = q.run;
  const head = `runbook-lens run: refused to run ${describeWithLine(block)} on ${targetText(guardTarget, 'the current environment (no kubeconfig context)')}; nothing ran.`;
  const list = decision.reasons.map((r) => `  - ${r}`).join('\n');
  if (reason === 'denied') return `${head}\n${list}\n`;
  if (decision.action === 'confirm') return `${head} It needs confirmation:\n${list}\n  Pass --yes to run it.\n`;
  const context = guardTarget?.context ?? '';
  const wrong = flags.confirmContext !== undefined && flags.confirmContext !== context ? ` (--confirm-context '${flags.confirmContext}' does not match)` : '';
  return `${head} It changes the protected context '${context}'${wrong}:\n${list}\n  Pass --yes --confirm-context ${context} to run it.\n`;
}
