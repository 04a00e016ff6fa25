type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * JSON merge patch (RFC 7386). With `strategic`, lists of named objects (containers, ports)
 * are merged by name as Kubernetes' strategic merge patch does; other lists are replaced.
 */
export function mergePatch(target: unknown, patch: unknown, strategic = false): unknown {
  if (strategic && Array.isArray(target) && Array.isArray(patch) && patch.every((p) => isObj(p) && typeof p.name === 'string')) {
    const out = [...target];
    for (const p of patch as Obj[]) {
      const i = out.findIndex((t) => isObj(t) && t.name === p.name);
      if (i >= 0) out[i] = mergePatch(out[i], p, true);
      else out.push(p);
    }
    return out;
  }
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v, strategic);
  }
  return out;
}
