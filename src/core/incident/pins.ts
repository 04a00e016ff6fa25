/**
 * Pinning without rewriting history: a pin is a small note entry that references
 * another entry's id (`pinOf`); the latest marker for an id wins.
 */
import type { TimelineEntry } from './types';

export function isPinMarker(e: TimelineEntry): boolean {
  return typeof e.pinOf === 'string';
}

/** Ids of the entries that are pinned now. */
export function pinnedIds(entries: readonly TimelineEntry[]): Set<string> {
  const pinned = new Set<string>();
  for (const e of entries) {
    if (e.pinned === true && !isPinMarker(e)) pinned.add(e.id);
  }
  // Markers apply in the order they were appended (file order), not by `time`.
  for (const e of entries) {
    if (!isPinMarker(e)) continue;
    if (e.unpin) pinned.delete(e.pinOf!);
    else pinned.add(e.pinOf!);
  }
  return pinned;
}

/** Entries in time order, stable for equal times (file order breaks ties). */
export function sortByTime(entries: readonly TimelineEntry[]): TimelineEntry[] {
  // The timeline is read in time order already: then the sort would keep every entry in place.
  let last = Number.NEGATIVE_INFINITY;
  let inOrder = true;
  for (const e of entries) {
    const t = Date.parse(e.time);
    // An unreadable time compares equal to every other: only the sort itself says where it goes.
    if (!(t >= last)) {
      inOrder = false;
      break;
    }
    last = t;
  }
  if (inOrder) return [...entries];
  return entries
    .map((e, i) => ({ e, i, t: Date.parse(e.time) }))
    .sort((a, b) => (a.t - b.t) || (a.i - b.i))
    .map((x) => x.e);
}
