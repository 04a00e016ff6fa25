// The extension-host runner's counts: a failing hook counts every test it kept from running.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../../harness/paths';

function runSuitesFile(body: string, grep = ''): { passed: number; failed: number; pending: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-mocha-'));
  const script = path.join(dir, 'suites.ts');
  fs.writeFileSync(script, `import { runSuites } from ${JSON.stringify(path.join(repoRoot, 'test/vscode/runner.ts'))};
runSuites(() => { ${body} }).catch(() => { process.exitCode = 1; });`);
  spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, RUNBOOK_LENS_TEST_OUT: dir, RUNBOOK_LENS_TEST_GREP: grep },
    encoding: 'utf8',
  });
  const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  return summary;
}

test('a failing before-all hook counts each test of its suite as failed', () => {
  const counts = runSuitesFile(`
    describe('needs a server', () => {
      before(() => { throw new Error('prometheus-alertmanager is not installed'); });
      for (let i = 0; i < 8; i++) it('case ' + i, () => {});
    });
    describe('other', () => { it('passes', () => {}); });`);
  assert.deepEqual(counts, { passed: 1, failed: 8, pending: 0 });
});

test('a failing beforeEach counts the tests it skipped; ordinary failures count once', () => {
  const counts = runSuitesFile(`
    describe('each', () => {
      let n = 0;
      beforeEach(() => { if (++n === 2) throw new Error('second set-up fails'); });
      it('a', () => {});
      it('b', () => {});
      it('c', () => {});
    });
    describe('plain', () => { it('fails', () => { throw new Error('x'); }); it('skipped on purpose', function () { this.skip(); }); });`);
  assert.deepEqual(counts, { passed: 1, failed: 3, pending: 1 });
});

test('a failing after-all hook is a failure even though every test ran', () => {
  const counts = runSuitesFile(`describe('s', () => { after(() => { throw new Error('cleanup'); }); it('a', () => {}); });`);
  assert.deepEqual(counts, { passed: 1, failed: 1, pending: 0 });
});

test('tests left out by --grep are not counted as prevented', () => {
  const counts = runSuitesFile(`describe('s', () => { it('wanted one', () => {}); it('other', () => {}); });`, 'wanted');
  assert.deepEqual(counts, { passed: 1, failed: 0, pending: 0 });
});
