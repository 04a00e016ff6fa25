/**
 * Pure functions of two or three values, computed once per distinct arguments (compared as Map
 * keys are, so 1 and '1' stay apart). A big incident runs the same few blocks thousands of times,
 * and the post-mortem formats the same cells for each run.
 */
export function memoize2<A, B>(fn: (a: A, b: B) => string): (a: A, b: B) => string {
  const byA = new Map<A, Map<B, string>>();
  return (a, b) => {
    let byB = byA.get(a);
    if (!byB) byA.set(a, (byB = new Map()));
    let value = byB.get(b);
    if (value === undefined) byB.set(b, (value = fn(a, b)));
    return value;
  };
}

export function memoize3<A, B, C>(fn: (a: A, b: B, c: C) => string): (a: A, b: B, c: C) => string {
  const byA = new Map<A, (b: B, c: C) => string>();
  return (a, b, c) => {
    let rest = byA.get(a);
    if (!rest) byA.set(a, (rest = memoize2((b2: B, c2: C) => fn(a, b2, c2))));
    return rest(b, c);
  };
}
