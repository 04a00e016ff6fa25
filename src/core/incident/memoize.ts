/**
 * A pure function of a few values, computed once per distinct arguments (compared as Map keys
 * are, so 1 and '1' stay apart). A big incident runs the same few blocks thousands of times, and
 * the post-mortem formats the same cells for each run.
 */
export function memoize<K extends unknown[]>(fn: (...key: K) => string): (...key: K) => string {
  const root = new Map<unknown, unknown>();
  return (...key) => {
    let map = root;
    for (let i = 0; i < key.length - 1; i++) {
      let next = map.get(key[i]) as Map<unknown, unknown> | undefined;
      if (!next) map.set(key[i], (next = new Map()));
      map = next;
    }
    const last = key[key.length - 1];
    let value = map.get(last) as string | undefined;
    if (value === undefined) map.set(last, (value = fn(...key)));
    return value;
  };
}
