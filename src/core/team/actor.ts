import * as os from 'node:os';
import { execFile, execFileSync } from 'node:child_process';

/**
 * Who is at the keyboard when nobody said: git's user.name (else user.email) in `cwd`, as the
 * team's entries show it, else the login name.
 */
export function defaultActor(cwd?: string): string | undefined {
  return gitConfig('user.name', cwd) || gitConfig('user.email', cwd) || loginName();
}

/**
 * The same, without blocking: a command can ask git while it reads its files (the CLI's `run`
 * spent 6–9 ms of its start waiting for `git config`).
 */
export async function defaultActorSoon(cwd?: string): Promise<string | undefined> {
  return (await gitConfigSoon('user.name', cwd)) || (await gitConfigSoon('user.email', cwd)) || loginName();
}

function loginName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return process.env.USER || undefined;
  }
}

const gitArgs = (key: string) => ['config', '--get', key];
const gitOptions = (cwd?: string) => ({ cwd, encoding: 'utf8' as const, timeout: 5000 });

function gitConfig(key: string, cwd?: string): string | undefined {
  try {
    return execFileSync('git', gitArgs(key), { ...gitOptions(cwd), stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined; // no git, not a folder, or the key is not set
  }
}

function gitConfigSoon(key: string, cwd?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    // Errors as above: no git, not a folder, or the key is not set.
    const child = execFile('git', gitArgs(key), gitOptions(cwd), (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
    child.stdin?.end();
  });
}
