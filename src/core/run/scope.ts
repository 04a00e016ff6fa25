import type { CommandEntry } from '../incident/types';
import type { KubeTarget } from '../kube/types';
import type { PreparedRun, ScopePart, ScopeStep } from './types';

export interface Scope {
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
  /** The steps' fields for the result entry (e.g. serviceCalls). */
  entryFields(): Partial<CommandEntry>;
  notes(): string[];
}

/** Pins kubectl, oc, helm… to the run's target with a scoped, temporary KUBECONFIG. */
export function kubeScope(scoped: (target: KubeTarget) => Promise<ScopePart>): ScopeStep {
  return {
    name: 'kubeconfig',
    apply: async (run) => (run.target ? scoped(run.target) : undefined),
  };
}

/**
 * Applies the scope steps in order, each adding its variables to the environment. If one fails,
 * those applied so far are undone and the error is thrown: nothing runs half-scoped.
 */
export async function applyScope(run: PreparedRun, steps: readonly ScopeStep[]): Promise<Scope> {
  const parts: ScopePart[] = [];
  const dispose = async () => {
    // Last applied, first undone; one failing dispose does not keep the others from running.
    for (const p of parts.splice(0).reverse()) await p.dispose().catch(() => undefined);
  };
  let env: NodeJS.ProcessEnv = { ...(run.request.env ?? process.env) };
  try {
    for (const step of steps) {
      const part = await step.apply(run);
      if (!part) continue;
      parts.push(part);
      env = { ...env, ...part.env };
    }
  } catch (err) {
    await dispose();
    throw err;
  }
  const applied = [...parts];
  return {
    env,
    dispose,
    entryFields: () => Object.assign({}, ...applied.map((p) => p.entryFields?.() ?? {})) as Partial<CommandEntry>,
    notes: () => applied.flatMap((p) => p.notes?.() ?? []),
  };
}
