/**
 * A pipe read's memory is freed only when its small Buffer wrapper is scavenged, and V8
 * scavenges for external memory only after tens of MB of it: a 256 MiB run held ~15 MiB of dead
 * reads at its peak. A minor GC every few MiB relayed releases them (peak +3.5 MiB over a 16 MiB
 * run, wall and CPU unchanged: docs/PERFORMANCE.md). The CLI only: the extension host is shared.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const SCAVENGE_EVERY = 4 * 1024 * 1024;
/**
 * `gc` is only given to contexts made after this flag: the CLI sets it at start (src/cli/main.ts,
 * and the launcher, since a code cache made under other flags is rejected).
 */
export const EXPOSE_GC = '--expose-gc';

type MinorGc = (options: { type: 'minor' }) => void;
let minorGc: MinorGc | null | undefined;

function collector(): MinorGc | null {
  if (minorGc === undefined) {
    try {
      setFlagsFromString(EXPOSE_GC);
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      minorGc = typeof gc === 'function' ? (gc as MinorGc) : null;
    } catch {
      minorGc = null;
    }
  }
  return minorGc;
}

/** Counts bytes relayed and asks for a minor GC each time `every` more have passed. */
export function scavengeAfter(every = SCAVENGE_EVERY): (bytes: number) => void {
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since < every) return;
    since = 0;
    collector()?.({ type: 'minor' });
  };
}
