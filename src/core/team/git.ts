import { spawn } from 'node:child_process';

/** A git command that exited non-zero, with what git said. */
export class GitError extends Error {
  constructor(readonly args: string[], readonly exitCode: number | null, readonly stderr: string) {
    super(`git ${args.slice(0, 2).join(' ')} failed${exitCode === null ? '' : ` (exit ${exitCode})`}: ${firstLines(stderr) || 'no message'}`);
    this.name = 'GitError';
  }
}

function firstLines(text: string): string {
  return text.trim().split('\n').filter((l) => l.trim()).slice(0, 3).join(' / ');
}

export interface GitOptions {
  /** Bytes for git's standard input. */
  input?: Buffer | string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that are answers, not failures (e.g. 1 from merge-base --is-ancestor). */
  okCodes?: number[];
  signal?: AbortSignal;
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

/**
 * Runs the user's own `git` (their credentials, config and hooks-free plumbing) in `cwd`.
 * Prompts are off: a sync in the background must fail with a message, never wait for a password
 * nobody sees.
 */
export function git(cwd: string, args: string[], opts: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: process.env.GIT_ASKPASS ?? '', LC_ALL: 'C', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: opts.signal,
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString('utf8');
    });
    child.on('error', (e) => reject(e.message.includes('ENOENT') ? new Error('git is not installed or not on PATH') : e));
    child.on('close', (code) => {
      const exitCode = code ?? -1;
      if (exitCode === 0 || opts.okCodes?.includes(exitCode)) resolve({ stdout: Buffer.concat(out), stderr: err, exitCode });
      else reject(new GitError(args, code, err));
    });
    child.stdin.on('error', () => undefined); // git may exit before reading all of it; the exit code says why
    child.stdin.end(opts.input ?? '');
  });
}

export async function gitText(cwd: string, args: string[], opts?: GitOptions): Promise<string> {
  return (await git(cwd, args, opts)).stdout.toString('utf8').trim();
}

/** Git's words for "the remote cannot be reached", as opposed to a refusal or a bug. */
export function isUnreachable(err: unknown): boolean {
  if (!(err instanceof GitError)) return false;
  return /could not resolve host|connection refused|couldn't connect|failed to connect|unable to access|could not read from remote repository|network is unreachable|timed out|connection reset|does not appear to be a git repository|no such file or directory|repository .* not found|HTTP 5\d\d|the remote end hung up/i.test(err.stderr);
}
