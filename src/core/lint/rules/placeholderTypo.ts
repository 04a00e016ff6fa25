import { diagnostic } from '../codes';
import { editDistance } from '../editDistance';
import type { LintDiagnostic, LintInput } from '../types';
import type { Placeholder } from '../../runbook/types';

/**
 * RL009: a placeholder written once whose name is one or two edits away from another one
 * (`<namepsace>` beside `<namespace>`). Each distinct name is asked for separately, so a typo
 * means a second prompt and a command that may go to the wrong place. Of two names used once
 * each, only the later one is reported.
 */
export function placeholderTypoRule({ runbook }: LintInput): LintDiagnostic[] {
  const refs = runbook.blocks.flatMap((b) => b.placeholderRefs);
  const byName = new Map<string, Placeholder[]>();
  for (const r of refs) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const out: LintDiagnostic[] = [];
  for (const [name, uses] of byName) {
    if (uses.length !== 1) continue;
    const use = uses[0];
    const match = [...byName]
      .filter(([other, otherUses]) => other !== name && similar(name, other) && (otherUses.length > 1 || before(otherUses[0], use)))
      .sort((a, b) => b[1].length - a[1].length)[0];
    if (!match) continue;
    const [other, otherUses] = match;
    const end = use.column + name.length + 2;
    out.push(diagnostic(
      'RL009',
      `Placeholder <${name}> is used only once and looks like a typo of <${other}> (used ${otherUses.length === 1 ? 'once' : `${otherUses.length} times`}); each name is asked for separately.`,
      { line: use.line, column: use.column, endColumn: end },
      { title: `Change to <${other}>`, edits: [{ line: use.line, column: use.column, endLine: use.line, endColumn: end, newText: `<${other}>` }] },
    ));
  }
  return out;
}

/**
 * Same words apart from case or separators (`<pod_name>`, `<pod-name>`), or one word mistyped
 * by a single edit. Short words differ by design (`pv`/`pvc`, `vm`/`vmi`, `pod`/`node`), and so
 * do numbered series (`<vm-name-1>`, `<vm-name-2>`), so those never count.
 */
function similar(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.join('-') === wb.join('-')) return true;
  if (wa.length !== wb.length) return false;
  const differing = wa.map((w, i) => [w, wb[i]]).filter(([x, y]) => x !== y);
  if (differing.length !== 1) return false;
  const [x, y] = differing[0];
  if (/\d/.test(x) || /\d/.test(y) || editDistance(x, y) !== 1) return false;
  return x.length === y.length ? x.length >= 4 : Math.min(x.length, y.length) >= 5;
}

function words(name: string): string[] {
  return name.toLowerCase().split(/[-_. :]+/).filter(Boolean);
}

function before(a: Placeholder, b: Placeholder): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}
