import { pinTarget } from '../incident/lifecycle';
import type { PreparedRun } from './types';

/**
 * Re-pins the incident to the run's target, as choosing a target in the editor does: a `target`
 * entry saying the change in words, so every replica of a shared incident pins the same one.
 */
export async function recordRetarget(run: PreparedRun, incidentDir: string): Promise<void> {
  if (!run.retarget) return;
  await pinTarget(incidentDir, run.retarget.to, { actor: run.request.actor?.trim() || undefined });
}
