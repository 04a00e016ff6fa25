import { defaultActor, defaultActorSoon } from '../core/team/actor';

/**
 * Who is at the keyboard, for the `actor` of timeline entries written from the command line:
 * RUNBOOK_LENS_ACTOR when set, else git's user.name (else user.email) as the team's entries
 * show it, else the login name.
 */
export function actorName(): string | undefined {
  const set = process.env.RUNBOOK_LENS_ACTOR?.trim();
  return set || defaultActor();
}

/** actorName, asked at once and awaited when needed: git answers while the command reads its files. */
export function actorNameSoon(): Promise<string | undefined> {
  const set = process.env.RUNBOOK_LENS_ACTOR?.trim();
  return set ? Promise.resolve(set) : defaultActorSoon();
}
