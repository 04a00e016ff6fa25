import { updateIncident } from '../incident/incidentStore';
import { appendEntry } from '../incident/timeline';
import { targetChangeEntry } from '../kube/timelineNotes';
import type { PreparedRun } from './types';

/** Re-pins the incident to the run's target and notes the change, as choosing a target in the editor does. */
export async function recordRetarget(run: PreparedRun, incidentDir: string): Promise<void> {
  if (!run.retarget) return;
  const { from, to } = run.retarget;
  await updateIncident(incidentDir, (i) => {
    i.target = to;
  });
  await appendEntry(incidentDir, targetChangeEntry(from, to, run.request.actor?.trim() || undefined));
}
