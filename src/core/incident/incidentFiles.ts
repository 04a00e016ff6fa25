import * as path from 'node:path';

/** File names inside an incident folder (the README's "The incident folder"). */
export const INCIDENT_JSON = 'incident.json';
export const TIMELINE_JSONL = 'timeline.jsonl';
export const TIMELINE_MD = 'timeline.md';
export const OUTPUTS_DIR = 'outputs';
export const POST_MORTEM_MD = 'post-mortem.md';

/** Incident-relative path of an entry's full output, as stored in `outputFile`. */
export function outputFileRel(entryId: string): string {
  return `${OUTPUTS_DIR}/${entryId}.log`;
}

export function outputFilePath(incidentDir: string, entryId: string): string {
  return path.join(incidentDir, OUTPUTS_DIR, `${entryId}.log`);
}

/** Whether `file` names an incident's outputs folder or a run output file in it (by path alone). */
export function outputPathKind(file: string): 'folder' | 'output' | undefined {
  if (path.basename(file) === OUTPUTS_DIR) return 'folder';
  if (path.basename(path.dirname(file)) === OUTPUTS_DIR && file.endsWith('.log')) return 'output';
  return undefined;
}
