/** What must happen before a block runs, decided from its assessment: pure, shared by the extension and the CLI. */
import type { KubeTarget } from '../kube/types';
import type { BlockAttributes } from '../runbook/types';
import { globMatch } from './commandMatch';
import { describeHidden, mapLine, scanHiddenUnicode, type LineMap } from './hiddenUnicode';
import type { Assessment, Finding } from './types';

export type ConfirmAction = 'run' | 'confirm' | 'type-context' | 'refuse';

export interface ConfirmationDecision {
  action: ConfirmAction;
  reasons: string[];
}

export interface DecisionContext {
  attributes?: BlockAttributes;
  target?: KubeTarget | null;
  /** Globs (`*prod*`) over context and cluster names; matching is case-insensitive. */
  protectedPatterns?: string[];
  /** Turns code line numbers in the reasons into document lines. */
  lineOffset?: LineMap;
  /** The block's opening fence: hidden characters in its info string refuse the run, as lint's RL001 does. */
  fence?: { info: string; line: number };
}

export const DEFAULT_PROTECTED = ['*prod*'];

export function isProtected(target: KubeTarget | null | undefined, patterns: string[] = DEFAULT_PROTECTED): boolean {
  if (!target) return false;
  const names = [target.context, target.cluster].filter(Boolean).map((n) => n.toLowerCase());
  return patterns.some((p) => names.some((n) => globMatch(p.toLowerCase().includes('*') ? p.toLowerCase() : `*${p.toLowerCase()}*`, n)));
}

/** What the user is shown of a finding: with the block's constants expanded when known. */
export function shown(f: Finding): string {
  return f.expanded ?? f.command;
}

export function decideConfirmation(a: Assessment, ctx: DecisionContext = {}): ConfirmationDecision {
  const off = ctx.lineOffset ?? 0;
  const at = (line: number) => mapLine(off, line);
  const info = ctx.fence ? scanHiddenUnicode(ctx.fence.info) : [];
  const refuse: string[] = [
    ...info.map((h) => `hidden Unicode character ${h.label} in the info string of the opening fence (line ${ctx.fence?.line})`),
    ...a.hiddenUnicode.map((h) => `hidden Unicode character ${describeHidden(h, off)}`),
    ...a.denied.map((d) => `\`${shown(d)}\` (line ${at(d.line)}) is denied: ${d.reason} [${d.rule}]`),
  ];
  if (refuse.length) return { action: 'refuse', reasons: refuse };
  const reasons: string[] = [
    ...a.destructive.map((d) => `\`${shown(d)}\` (line ${at(d.line)}) ${d.reason}`),
    ...a.uncertain.map((d) => `\`${shown(d)}\` (line ${at(d.line)}): ${d.reason}`),
  ];
  if (a.parseError) reasons.push(`the block does not parse as shell, so it cannot be checked (${a.parseError})`);
  if (String(ctx.attributes?.confirm ?? '').toLowerCase() === 'true') reasons.push('the block asks for confirmation (confirm=true)');
  if (reasons.length === 0) return { action: 'run', reasons: [] };
  if (isProtected(ctx.target, ctx.protectedPatterns)) {
    reasons.push(`context \`${ctx.target?.context}\` is protected: type its name to confirm`);
    return { action: 'type-context', reasons };
  }
  return { action: 'confirm', reasons };
}
