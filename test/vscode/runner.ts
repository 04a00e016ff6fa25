import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

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
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      if (outDir) fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify({ passed: passes, failed, pending }));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
