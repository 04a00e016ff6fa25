import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

export const KUBECTL = '/usr/bin/kubectl';

export interface ProcResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a process without blocking the event loop (the fake API servers live in the test
 * process and must keep answering).
 */
export function runProcess(cmd: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<ProcResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Runs the real kubectl. HOME points at `home` so its discovery cache never lands in the
 * developer's ~/.kube; KUBECONFIG is exactly what the caller passes.
 */
export function kubectl(args: string[], env: { KUBECONFIG?: string; home: string; extra?: NodeJS.ProcessEnv; cwd?: string }): Promise<ProcResult> {
  return runProcess(KUBECTL, ['--request-timeout=5s', ...args], {
    cwd: env.cwd,
    env: { PATH: process.env.PATH, HOME: env.home, ...(env.KUBECONFIG !== undefined ? { KUBECONFIG: env.KUBECONFIG } : {}), ...env.extra },
  });
}

/** Content hashes of files, to show they are byte-identical after a run. */
export function fingerprints(files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, createHash('sha256').update(fs.readFileSync(f)).digest('hex') + ':' + fs.statSync(f).mtimeMs]));
}
