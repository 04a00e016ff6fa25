import type { KubeTarget } from '../kube/types';
import type { PrepareProblem, TargetRequest } from './types';

export const targetName = (t: KubeTarget): string => `${t.context}/${t.namespace}`;

const same = (a: KubeTarget, b: KubeTarget): boolean => a.context === b.context && a.namespace === b.namespace;

export type TargetChoice =
  | { ok: true; target: KubeTarget | null; retarget?: { from: KubeTarget | null; to: KubeTarget } }
  | { ok: false; problem: PrepareProblem };

/**
 * The incident's pinned target wins, in the editor and the CLI alike, so a run cannot go to
 * another cluster than the incident's by accident. Another target needs an explicit retarget
 * (recorded as a note) or is a deliberate one-off (Run on Several Contexts).
 */
export function chooseTarget(pinned: KubeTarget | null, req: TargetRequest = {}): TargetChoice {
  const requested = req.requested ?? null;
  if (!pinned) return { ok: true, target: requested ?? req.fallback ?? null };
  if (!requested || same(requested, pinned)) return { ok: true, target: pinned };
  if (req.policy === 'this-run') return { ok: true, target: requested };
  if (req.policy === 'retarget') return { ok: true, target: requested, retarget: { from: pinned, to: requested } };
  return { ok: false, problem: { kind: 'target-conflict', pinned, requested } };
}
