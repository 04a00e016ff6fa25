import { spawn } from 'node:child_process';
import { repoRoot } from './paths';

export interface Counts {
  passed: number;
  failed: number;
  exitCode: number;
}

/** Runs a command in the repository, streaming its stdout through and keeping a copy. */
export function runTee(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ out: string; code: number }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      process.stdout.write(b);
    });
    child.on('error', (err) => {
      out += `\n${err.message}\n`;
    });
    child.on('close', (code) => resolve({ out, code: code ?? 1 }));
  });
}

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** Counts from a command whose last summary line is `N passed, N failed` (our test scripts). */
export async function runCounted(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Counts> {
  const { out, code } = await runTee(command, args, env);
  const m = [...plain(out).matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
  const passed = m ? Number(m[1]) : 0;
  let failed = m ? Number(m[2]) : 0;
  if (code !== 0 && failed === 0) failed = 1; // crashed before reporting
  return { passed, failed, exitCode: code };
}

/**
 * Runs test files with Node's test runner (through tsx), streaming the spec report and
 * reading the pass/fail counts from its summary.
 */
export async function runNodeTests(files: string[], opts: { env?: NodeJS.ProcessEnv; concurrency?: number } = {}): Promise<Counts> {
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec'];
  if (opts.concurrency) args.push(`--test-concurrency=${opts.concurrency}`);
  const { out, code } = await runTee(process.execPath, [...args, ...files], opts.env);
  const count = (label: string) => Number(new RegExp(`^ℹ ${label} (\\d+)`, 'm').exec(plain(out))?.[1] ?? 0);
  const passed = count('pass');
  let failed = count('fail') + count('cancelled');
  if (code !== 0 && failed === 0) failed = 1;
  return { passed, failed, exitCode: code };
}
