/** Draft Post-mortem: read the incident, render, redact, write without overwriting edits. */
import * as path from 'node:path';
import type { Severity } from './types';
import { readIncident } from './incidentStore';
import { readTimeline } from './timeline';
import { POST_MORTEM_MD } from './incidentFiles';
import { forgetUnread, renderPostmortem } from './postmortem';
import { redactText } from './redaction/redact';
import { writeGenerated, type GeneratedWrite } from './generatedFile';
import { runbookHref } from './runbookLinks';
import type { ResponseTarget } from './responseTargets';

export interface DraftOptions {
  targets?: Record<Severity, ResponseTarget>;
  /** Where recorded runbook paths are relative to (the workspace); ancestors are tried too. */
  workspaceRoots?: string[];
}

export interface DraftResult extends GeneratedWrite {
  /** Lines of the timeline that could not be read (the draft was still written). */
  problems: string[];
}

export async function draftPostmortem(dir: string, opts: DraftOptions = {}): Promise<DraftResult> {
  // One read of the timeline serves both the incident's state (folded from it) and the draft.
  const { entries, problems } = await readTimeline(dir);
  const incident = await readIncident(dir, entries);
  forgetUnread(entries);
  const body = renderPostmortem({
    incident,
    entries,
    incidentDir: dir,
    targets: opts.targets,
    runbookHref: runbookHref(dir, opts.workspaceRoots),
  });
  // Encoded once: the redaction's gate reads these bytes, and when it changes nothing they are written.
  const utf8 = Buffer.from(body, 'utf8');
  const { text } = redactText(body, {}, utf8);
  const written = await writeGenerated(path.join(dir, POST_MORTEM_MD), text, text === body ? utf8 : undefined);
  return { ...written, problems };
}

/** One line for people: what happened to which file. */
export function describeDraft(r: DraftResult, show: (file: string) => string = (f) => f): string {
  switch (r.action) {
    case 'created': return `Wrote ${show(r.file)}.`;
    case 'updated': return `Regenerated ${show(r.file)} (it had not been edited).`;
    case 'unchanged': return r.kept
      ? `${show(r.kept)} was edited by hand and is kept as it is; the newest draft ${show(r.file)} is already up to date.`
      : `${show(r.file)} is already up to date.`;
    case 'draft': return `${show(r.kept!)} was edited by hand and is kept as it is; the new draft is ${show(r.file)}.`;
  }
}
