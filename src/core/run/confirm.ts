import type { Confirmation, TimelineEntry } from '../incident/types';
import { currentEntries, type TimelineSnapshot } from './incidentView';
import { DEFAULT_RECENT_RUN_MINUTES, recentTeammateRun, teammateRunLine } from '../incident/blockRuns';
import type { ConsentQuestion, PreparedRun, RefusalReason, RunDriver } from './types';

export type Consent = { ok: true; confirmation?: Confirmation } | { ok: false; reason: RefusalReason };

/**
 * Consent for a run, from the guard's decision made in prepare: a deny rule or hidden Unicode
 * refuses; a destructive block needs the driver's yes (a dialog, --yes); on a protected context
 * also the context's name typed exactly (an input box, --confirm-context).
 */
export async function confirmRun(run: PreparedRun, driver: RunDriver, timeline?: TimelineSnapshot): Promise<Consent> {
  if (run.request.confirmed) return { ok: true, confirmation: run.request.confirmed };
  const destructive = run.assessment.destructive.map((d) => d.command);
  const q: ConsentQuestion = { run, destructive };
  const methods = driver.consentMethods;
  const refuse = async (reason: RefusalReason, typed?: string): Promise<Consent> => {
    await driver.refused(q, reason, typed);
    return { ok: false, reason };
  };
  switch (run.decision.action) {
    case 'run':
      // Nothing to ask; an explicit --yes is still recorded as given.
      return { ok: true, confirmation: methods.unasked ? { method: methods.unasked, destructive: methods.unasked === 'none' ? [] : destructive, at: new Date().toISOString() } : undefined };
    case 'refuse':
      return refuse('denied');
    case 'confirm':
    case 'type-context': {
      const teammate = await teammateRunOf(run, timeline);
      if (teammate) q.teammateRun = teammate;
      if (!(await driver.consent(q))) return refuse('declined');
      if (run.decision.action === 'confirm') return { ok: true, confirmation: { method: methods.confirm, destructive, at: new Date().toISOString() } };
      const context = run.guardTarget?.context ?? '';
      const typed = await driver.typedContext(q, context);
      if (typed !== context) return refuse('wrong-context', typed);
      return { ok: true, confirmation: { method: methods.typed, destructive, at: new Date().toISOString() } };
    }
  }
}

/**
 * A teammate's recent run of this block, from the incident's timeline: a question worth asking
 * twice. `timeline`: prepare's read, used while the file is unchanged.
 */
async function teammateRunOf(run: PreparedRun, timeline: TimelineSnapshot | undefined): Promise<string | undefined> {
  const { incidentDir, runbookRel, actor, recentRunMinutes = DEFAULT_RECENT_RUN_MINUTES } = run.request;
  if (!incidentDir || recentRunMinutes <= 0) return undefined;
  // An unreadable timeline only loses the warning; the run's own recording reports that problem.
  const entries = await currentEntries(incidentDir, timeline).catch((): TimelineEntry[] => []);
  const now = new Date();
  const found = recentTeammateRun(entries, { runbookRel, block: run.block.index, me: actor, now, withinMs: recentRunMinutes * 60_000 });
  return found ? teammateRunLine(found, now) : undefined;
}
