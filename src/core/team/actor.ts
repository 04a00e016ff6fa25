import * as os from 'node:os';
import { execFileSync } from 'node:child_process';

/**
 * Who is at the keyboard when nobody said: git's user.name (else user.email) in `cwd`, as the
 * team's entries show it, else the login name.
 */
export function defaultActor(cwd?: string): string | undefined {
  const fromGit = gitConfig('user.name', cwd) || gitConfig('user.email', cwd);
  if (fromGit) return fromGit;
  try {
    return os.userInfo().username || undefined;
  } catch {
    return process.env.USER || undefined;
  }
}

function gitConfig(key: string, cwd?: string): string | undefined {
  try {
    return execFileSync('git', ['config', '--get', key], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() || undefined;
  } catch {
    return undefined; // no git, not a folder, or the key is not set
  }
}
