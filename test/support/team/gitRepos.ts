// Real git repositories for the team-sync tests: a bare "origin" and clones of it, each with
// its own identity, and optionally the bare repository served over HTTP on 127.0.0.1 through
// `git http-backend` (the smart HTTP protocol, as a git host speaks it).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as http from 'node:http';
import { execFile, execFileSync, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';

export function gitSync(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }).trim();
}

/** For commands that talk to a server in this same process, which a synchronous call would starve. */
export function gitAsync(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout.trim())));
  });
}

export interface Team {
  root: string;
  bare: string;
  clones: string[];
  cleanup(): void;
}

/** A bare repository with one commit on main (the team's runbooks) and `n` clones of it. */
export function makeTeam(n: number, remoteUrl?: (bare: string) => string): Team {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-team-'));
  const bare = path.join(root, 'origin.git');
  gitSync(root, ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  gitSync(bare, ['config', 'http.receivepack', 'true']);
  const seed = path.join(root, 'seed');
  gitSync(root, ['init', '--quiet', '--initial-branch=main', seed]);
  fs.writeFileSync(path.join(seed, 'runbook.md'), '# Runbook\n\n```bash\necho hi\n```\n');
  gitSync(seed, ['add', '.']);
  gitSync(seed, ['-c', 'user.name=seed', '-c', 'user.email=seed@example.test', 'commit', '--quiet', '-m', 'runbooks']);
  gitSync(seed, ['push', '--quiet', bare, 'main']);
  const url = remoteUrl ? remoteUrl(bare) : bare;
  const clones: string[] = [];
  for (let i = 0; i < n; i++) {
    const dir = path.join(root, `responder-${i}`);
    gitSync(root, ['clone', '--quiet', url, dir]);
    gitSync(dir, ['config', 'user.name', `responder-${i}`]);
    gitSync(dir, ['config', 'user.email', `r${i}@example.test`]);
    clones.push(dir);
  }
  return { root, bare, clones, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Every blob, tree and commit message of a repository, as text, for "never reached the remote" checks. */
export function allObjectText(repo: string): string {
  const list = gitSync(repo, ['rev-list', '--objects', '--all']).split('\n').map((l) => l.split(' ')[0]).filter(Boolean);
  if (!list.length) return '';
  return execFileSync('git', ['cat-file', '--batch'], { cwd: repo, input: list.join('\n') + '\n', maxBuffer: 1 << 30 }).toString('utf8');
}

export interface HttpGit {
  /** Base URL; a repository at ROOT/x.git is URL/x.git. */
  url: string;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

/** Serves the repositories under `projectRoot` with `git http-backend` (CGI) on a free loopback port. */
export async function serveGitHttp(projectRoot: string): Promise<HttpGit> {
  const requests: { method: string; path: string }[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? 'GET', path: url.pathname });
    const cgi = spawn('git', ['http-backend'], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) } : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
        REMOTE_USER: 'responder',
        REMOTE_ADDR: '127.0.0.1',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const cut = line.indexOf(':');
        const name = line.slice(0, cut).trim();
        const value = line.slice(cut + 1).trim();
        if (/^status$/i.test(name)) status = Number(value.split(' ')[0]);
        else res.setHeader(name, value);
      }
      res.statusCode = status;
      res.write(head.subarray(end + 4));
    });
    cgi.on('close', () => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
