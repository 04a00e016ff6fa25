import { readBlobs, type TreeMap } from './objects';

/**
 * Chooses between two contents of one path. It must not depend on which side is "mine", so
 * that every replica merging the same two states gets the same tree.
 */
export type Resolve = (path: string, a: Buffer, b: Buffer) => Buffer;

/** Deterministic fallback: the smaller blob id. Entries and outputs are immutable, so it rarely matters. */
function byId(a: string, b: string): string {
  return a < b ? a : b;
}

/** The union of two incident trees. Paths present on both sides with different contents go to `resolve`. */
export async function unionTrees(repo: string, a: TreeMap, b: TreeMap, resolve?: Resolve): Promise<TreeMap> {
  const out: TreeMap = new Map(a);
  const clashes: [string, string, string][] = [];
  for (const [p, id] of b) {
    const mine = out.get(p);
    if (mine === undefined) out.set(p, id);
    else if (mine !== id) clashes.push([p, mine, id]);
  }
  if (!clashes.length) return out;
  const blobs = resolve ? await readBlobs(repo, clashes.flatMap(([, x, y]) => [x, y])) : new Map<string, Buffer>();
  for (const [p, x, y] of clashes) {
    if (!resolve) {
      out.set(p, byId(x, y));
      continue;
    }
    const chosen = resolve(p, blobs.get(x)!, blobs.get(y)!);
    out.set(p, chosen.equals(blobs.get(x)!) ? x : chosen.equals(blobs.get(y)!) ? y : byId(x, y));
  }
  return out;
}
