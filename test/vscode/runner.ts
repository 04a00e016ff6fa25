import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export interface MochaCounts {
  passed: number;
  failed: number;
  pending: number;
}

/**
 * Mocha reports a failed hook as one failure and silently skips the tests it guards; here
 * every selected test that never ran counts as failed, so a broken `before all` cannot hide
 * eight tests behind one red line.
 */
export function countTests(runner: Mocha.Runner, selected: number): { counts(): MochaCounts } {
  let passed = 0;
  let testFailures = 0;
  let hookFailures = 0;
  let pending = 0;
  runner.on('pass', () => passed++);
  runner.on('pending', () => pending++);
  runner.on('fail', (runnable) => {
    // Typed as a Test, but mocha passes the Hook when a hook fails.
    const kind: string = runnable.type;
    if (kind === 'hook') hookFailures++;
    else testFailures++;
  });
  return {
    counts() {
      const prevented = Math.max(0, selected - passed - testFailures - pending);
      // A failed `after` hook prevents nothing but is still a failure.
      const failed = testFailures + (prevented > 0 ? prevented : hookFailures);
      return { passed, failed, pending };
    },
  };
}

/**
 * Runs the bundled suites inside the extension host. With RUNBOOK_LENS_TEST_OUT set
 * (code-server runs), the spec reporter's lines also go to <dir>/mocha.log, which the
 * driver prints live, and the counts to <dir>/summary.json.
 */
export function runSuites(loadSuites: () => void): Promise<void> {
  const outDir = process.env.RUNBOOK_LENS_TEST_OUT;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 60_000,
    color: process.env.RUNBOOK_LENS_TEST_COLOR === '1',
    grep: process.env.RUNBOOK_LENS_TEST_GREP || undefined,
  });
  if (outDir) {
    fs.mkdirSync(outDir, { recursive: true });
    const log = path.join(outDir, 'mocha.log');
    fs.writeFileSync(log, '');
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      fs.appendFileSync(log, format(...args) + '\n');
    };
  }
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  loadSuites();
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const counts = tally.counts();
      if (outDir) fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify(counts));
      if (counts.failed > 0) reject(new Error(`${counts.failed} test(s) failed`));
      else resolve();
    });
    const tally = countTests(runner, runner.grepTotal(mocha.suite));
  });
}
