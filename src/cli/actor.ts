import * as os from 'node:os';
import { execFileSync } from 'node:child_process';

/**
 * Who is at the keyboard, for the `actor` of timeline entries written from the command line:
 * RUNBOOK_LENS_ACTOR when set, else git's user.name (else user.email) as the team's entries
 * show it, else the login name.
 */
export function actorName(): string | undefined {
  const set = process.env.RUNBOOK_LENS_ACTOR?.trim();
  if (set) return set;
  const fromGit = gitConfig('user.name') || gitConfig('user.email');
  if (fromGit) return fromGit;
  try {
    return os.userInfo().username || undefined;
  } catch {
    return process.env.USER || undefined;
  }
}

function gitConfig(key: string): string | undefined {
  try {
    return execFileSync('git', ['config', '--get', key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() || undefined;
  } catch {
    return undefined; // no git, or the key is not set
  }
}
