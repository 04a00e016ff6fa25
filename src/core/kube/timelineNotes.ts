import { newEntryId } from '../incident/timeline';
import type { TimelineEntry } from '../incident/types';
import { formatClusterCheck, type ClusterCheck } from './checkCluster';
import type { KubeTarget } from './types';

/** Check Cluster as a timeline note, with the full result under `check`. */
export function clusterCheckEntry(check: ClusterCheck, actor?: string, now: Date = new Date()): TimelineEntry {
  return { id: newEntryId(now), time: now.toISOString(), kind: 'note', actor, text: formatClusterCheck(check), target: check.target, check };
}

/** A change of the incident's pinned target, so the timeline shows when runs started going elsewhere. */
export function targetChangeEntry(from: KubeTarget | null | undefined, to: KubeTarget, actor?: string, now: Date = new Date()): TimelineEntry {
  const name = (t: KubeTarget) => `${t.context}/${t.namespace}`;
  return {
    id: newEntryId(now), time: now.toISOString(), kind: 'note', actor, target: to,
    text: from ? `Cluster target changed from ${name(from)} to ${name(to)}` : `Cluster target set to ${name(to)}`,
  };
}

/** A run that could not be pinned to its target, so nothing ran. */
export function targetFailureEntry(target: KubeTarget, error: string, actor?: string, now: Date = new Date()): TimelineEntry {
  return { id: newEntryId(now), time: now.toISOString(), kind: 'note', actor, target, text: `Run refused, cannot target ${target.context}/${target.namespace}: ${error}`, error };
}
