import { spawn } from 'node:child_process';
import { repoRoot } from './paths';

export interface Counts {
  passed: number;
  failed: number;
  exitCode: number;
}

/**
 * Runs test files with Node's test runner (through tsx), streaming the spec report and
 * reading the pass/fail counts from its summary.
 */
export function runNodeTests(files: string[], opts: { env?: NodeJS.ProcessEnv; concurrency?: number } = {}): Promise<Counts> {
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec'];
  if (opts.concurrency) args.push(`--test-concurrency=${opts.concurrency}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args, ...files], { cwd: repoRoot, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      process.stdout.write(b);
    });
    child.on('close', (code) => {
      // eslint-disable-next-line no-control-regex
      const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
      const count = (label: string) => Number(new RegExp(`^ℹ ${label} (\\d+)`, 'm').exec(plain)?.[1] ?? 0);
      const passed = count('pass');
      let failed = count('fail') + count('cancelled');
      if (code !== 0 && failed === 0) failed = 1; // crashed before reporting
      resolve({ passed, failed, exitCode: code ?? 1 });
    });
  });
}
