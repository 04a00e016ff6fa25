/**
 * The CLI's confirmation gate: it has no dialogs, so a destructive block needs `--yes`, and on a
 * protected context also `--confirm-context NAME`. A refusal runs nothing and exits 3.
 */
import { describeWithLine, targetText } from '../core/guard/consentText';
import { judgeBlock } from '../core/guard/judgeBlock';
import { loadTarget } from '../core/kube/loadTarget';
import type { KubeTarget } from '../core/kube/types';
import type { Confirmation } from '../core/incident/types';
import type { RunbookBlock } from '../core/runbook/types';
import type { CliSafety } from './safetySettings';

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

export type GuardOutcome = { ok: true; confirmation?: Confirmation } | { ok: false; message: string };

/** Without --context the block talks to the kubeconfig's current context: protect that one too. */
function effectiveTarget(target: KubeTarget | null): KubeTarget | null {
  if (target) return target;
  try {
    return loadTarget({}).target;
  } catch {
    return null;
  }
}

export async function guardRun(block: RunbookBlock, code: string, target: KubeTarget | null, flags: { yes?: boolean; confirmContext?: string }, safety: CliSafety): Promise<GuardOutcome> {
  const where = effectiveTarget(target);
  const { assessment, decision } = await judgeBlock(block, code, { rules: safety.rules, target: where, protectedPatterns: safety.protectedPatterns });
  const destructive = assessment.destructive.map((d) => d.command);
  const at = new Date().toISOString();
  // The editor's words: the block by name and section, the target, never a block number.
  const head = `runbook-lens run: refused to run ${describeWithLine(block)} on ${targetText(where, 'the current environment (no kubeconfig context)')}; nothing ran.`;
  const list = decision.reasons.map((r) => `  - ${r}`).join('\n');
  switch (decision.action) {
    case 'run':
      return { ok: true, confirmation: flags.yes ? { method: 'cli-yes', destructive, at } : undefined };
    case 'refuse':
      return { ok: false, message: `${head}\n${list}\n` };
    case 'confirm':
      if (flags.yes) return { ok: true, confirmation: { method: 'cli-yes', destructive, at } };
      return { ok: false, message: `${head} It needs confirmation:\n${list}\n  Pass --yes to run it.\n` };
    case 'type-context': {
      const context = where?.context ?? '';
      if (flags.yes && flags.confirmContext === context) return { ok: true, confirmation: { method: 'cli-confirm-context', destructive, at } };
      const wrong = flags.confirmContext !== undefined && flags.confirmContext !== context ? ` (--confirm-context '${flags.confirmContext}' does not match)` : '';
      return { ok: false, message: `${head} It changes the protected context '${context}'${wrong}:\n${list}\n  Pass --yes --confirm-context ${context} to run it.\n` };
    }
  }
}
