import type { KObject } from './objects';

/** Equality-based label and field selectors (`a=b,c!=d,e`, `!f`), which is what kubectl sends here. */
export function matchesLabels(o: KObject, selector: string | null): boolean {
  if (!selector) return true;
  const labels = o.metadata.labels ?? {};
  return selector.split(',').map((s) => s.trim()).filter(Boolean).every((term) => {
    const ne = /^([^!=]+)!=(.*)$/.exec(term);
    if (ne) return labels[ne[1]] !== ne[2];
    const eq = /^([^!=]+)==?(.*)$/.exec(term);
    if (eq) return labels[eq[1]] === eq[2];
    if (term.startsWith('!')) return !(term.slice(1) in labels);
    const inSet = /^(\S+)\s+in\s+\((.*)\)$/.exec(term);
    if (inSet) return inSet[2].split(',').map((v) => v.trim()).includes(labels[inSet[1]]);
    return term in labels;
  });
}

export function matchesFields(o: KObject, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').filter(Boolean).every((term) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (!m) return true;
    const actual = String(m[1].split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o) ?? '');
    return m[2] === '!=' ? actual !== m[3] : actual === m[3];
  });
}
