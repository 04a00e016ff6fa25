import { newEntryId } from '../incident/timeline';
import type { TimelineEntry } from '../incident/types';
import { formatClusterCheck, type ClusterCheck } from './checkCluster';
import type { KubeTarget } from './types';

/** Check Cluster as a timeline note, with the full result under `check`. */
export function clusterCheckEntry(check: ClusterCheck, actor?: string, now: Date = new Date()): TimelineEntry {
  return { id: newEntryId(now), time: now.toISOString(), kind: 'note', actor, text: formatClusterCheck(check), target: check.target, check };
}

/** A run that could not be pinned to its target, so nothing ran. */
export function targetFailureEntry(target: KubeTarget, error: string, actor?: string, now: Date = new Date()): TimelineEntry {
  return { id: newEntryId(now), time: now.toISOString(), kind: 'note', actor, target, text: `Run refused, cannot target ${target.context}/${target.namespace}: ${error}`, error };
}
