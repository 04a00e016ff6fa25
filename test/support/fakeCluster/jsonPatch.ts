/** RFC 6902 JSON patch: add, replace and remove (what `kubectl rollout undo` sends). */
export function applyJsonPatch(doc: unknown, ops: { op: string; path: string; value?: unknown }[]): unknown {
  const root = structuredClone(doc) as Record<string, unknown>;
  for (const { op, path, value } of ops) {
    const keys = path.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop();
    if (last === undefined) throw new Error(`json patch: empty path`);
    let parent: Record<string, unknown> = root;
    for (const k of keys) {
      parent[k] ??= {};
      parent = parent[k] as Record<string, unknown>;
    }
    if (op === 'add' || op === 'replace') {
      if (Array.isArray(parent) && last === '-') parent.push(value);
      else parent[last] = value;
    } else if (op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      throw new Error(`json patch: op "${op}" is not supported by the fake cluster`);
    }
  }
  return root;
}
