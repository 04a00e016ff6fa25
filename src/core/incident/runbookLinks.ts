/**
 * Links from an incident folder to the runbook lines its entries ran. Entries store the
 * runbook workspace-relative; the workspace is the first of `roots`, or of the folder's
 * ancestors, where that file exists.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mdLinkTarget } from './markdownText';

function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    out.push(d);
    if (path.dirname(d) === d) return out;
  }
}

/** Absolute path of a recorded runbook, or undefined when it cannot be found. */
export function runbookFinder(incidentDir: string, roots: readonly string[] = []): (runbook: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  const candidates = [...roots.map((r) => path.resolve(r)), ...ancestors(path.dirname(path.resolve(incidentDir)))];
  return (runbook) => {
    if (!cache.has(runbook)) {
      const found = path.isAbsolute(runbook)
        ? (fs.existsSync(runbook) ? runbook : undefined)
        : candidates.map((r) => path.join(r, runbook)).find((f) => fs.existsSync(f));
      cache.set(runbook, found);
    }
    return cache.get(runbook);
  };
}

/** A relative Markdown link target such as `../../runbooks/x.md#L45`. */
export function runbookHref(incidentDir: string, roots: readonly string[] = []): (runbook: string, line?: number) => string | undefined {
  const find = runbookFinder(incidentDir, roots);
  return (runbook, line) => {
    const file = find(runbook);
    if (!file) return undefined;
    return mdLinkTarget(path.relative(path.resolve(incidentDir), file)) + (line ? `#L${line}` : '');
  };
}
