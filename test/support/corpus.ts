import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/** The public OpenShift runbooks, read in place (never copied into the repo). Absent on a fresh machine. */
export const CORPUS = path.resolve(__dirname, '../../../shared/corpus/openshift-runbooks');
export const corpusAvailable = existsSync(CORPUS);

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(p) : e.name.endsWith('.md') ? [p] : [];
  });
}
