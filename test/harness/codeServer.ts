import { spawn, execFile, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { codeServerEntry } from './paths';
import { freePort } from './freePort';

const run = promisify(execFile);

/** User settings that keep a fresh profile quiet: no telemetry, tips, welcome pages or update checks. */
export const quietSettings: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
};

export interface CodeServerOptions {
  /** Folder for this server's profile, config and log. */
  runDir: string;
  /** Folder opened as the workspace. */
  workspace: string;
  /** Where extensions are installed (defaults to runDir/extensions). */
  extensionsDir?: string;
  /** Extra user settings on top of quietSettings. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and so the extension host. */
  env?: NodeJS.ProcessEnv;
}

export interface CodeServer {
  port: number;
  origin: string;
  logFile: string;
  /** The page that opens `folder` (default: the workspace), with an optional `payload` (extension development). */
  pageUrl(payload?: [string, string][], folder?: string): string;
  /** vscode-remote URI of a path on this machine, as the page's payload expects. */
  remoteUri(p: string): string;
  stop(): Promise<void>;
}

export function assertCodeServerInstalled(): void {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error('code-server is not installed: run scripts/setup-code-server.sh first');
  }
}

function dirs(o: CodeServerOptions) {
  return {
    userData: path.join(o.runDir, 'user-data'),
    extensions: o.extensionsDir ?? path.join(o.runDir, 'extensions'),
    config: path.join(o.runDir, 'config.yaml'),
  };
}

/** Installs a .vsix into an extensions folder with code-server's own command line. */
export async function installVsix(vsix: string, extensionsDir: string, runDir: string): Promise<void> {
  assertCodeServerInstalled();
  fs.mkdirSync(runDir, { recursive: true });
  await run(process.execPath, [
    codeServerEntry,
    '--config', path.join(runDir, 'config.yaml'),
    '--user-data-dir', path.join(runDir, 'user-data'),
    '--extensions-dir', extensionsDir,
    '--install-extension', vsix,
    '--force',
  ], { env: isolatedEnv(runDir) });
}

/** Keeps code-server's own files (logs, default config) inside runDir instead of the user's home. */
function isolatedEnv(runDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, XDG_DATA_HOME: path.join(runDir, 'xdg-data'), XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'), ...extra };
}

/** Starts code-server in its own process group on a free port and waits until it answers. */
export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  assertCodeServerInstalled();
  const d = dirs(o);
  fs.mkdirSync(path.join(d.userData, 'User'), { recursive: true });
  fs.mkdirSync(d.extensions, { recursive: true });
  fs.writeFileSync(path.join(d.userData, 'User/settings.json'), JSON.stringify({ ...quietSettings, ...o.settings }, null, 2));
  fs.writeFileSync(d.config, 'auth: none\ncert: false\n');
  const port = await freePort();
  const logFile = path.join(o.runDir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', d.config,
    '--user-data-dir', d.userData,
    '--extensions-dir', d.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    o.workspace,
  ], { detached: true, stdio: ['ignore', log, log], env: isolatedEnv(o.runDir, o.env) });
  fs.closeSync(log);
  const killGroup = () => killProcessGroup(child, 'SIGKILL');
  process.once('exit', killGroup);

  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(origin, child, logFile);
  } catch (err) {
    killGroup();
    throw err;
  }
  const remoteUri = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  return {
    port,
    origin,
    logFile,
    remoteUri,
    pageUrl(payload, folder = o.workspace) {
      const q = new URLSearchParams({ folder });
      if (payload) q.set('payload', JSON.stringify(payload));
      return `${origin}/?${q}`;
    },
    async stop() {
      process.removeListener('exit', killGroup);
      await stopGroup(child);
    },
  };
}

function killProcessGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM the whole group (server, extension host, watchers, runs), SIGKILL what is left after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const exited = child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killProcessGroup(child, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  // Children of the group (extension host, shells of runs) may outlive the server.
  killProcessGroup(child, 'SIGKILL');
}

async function waitHealthy(origin: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode}:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on ${origin} within 30 s:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
