// npm test — everything, in order: build, unit + integration tests, TextMate grammar tests,
// the extension-host suites in code-server (test:vscode), then the UI scenarios against the
// packaged VSIX (test:e2e). Every part runs even when an earlier one fails (except that a
// failed build skips the parts that need it). Ends with one `N passed, N failed` line and a
// non-zero exit when anything failed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCounted, runNodeTests, runTee } from '../test/harness/nodeTestRun.ts';
import { repoRoot } from '../test/harness/paths.ts';

const parts = [];
const record = (name, counts) => parts.push({ name, ...counts });
const heading = (title) => console.log(`\n━━ ${title} ━━`);
// Recursive: the test tree mirrors src/ (test/unit/core/run/…).
const testFiles = (dir) => fs.readdirSync(path.join(repoRoot, dir), { recursive: true }).map(String).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `${dir}/${f}`);

heading('build');
const build = await runTee('npm', ['run', '--silent', 'build']);
record('build', { passed: build.code === 0 ? 1 : 0, failed: build.code === 0 ? 0 : 1, exitCode: build.code });

heading('unit + integration (node --test)');
record('unit + integration', await runNodeTests([...testFiles('test/unit'), ...testFiles('test/integration')]));

if (fs.existsSync(path.join(repoRoot, 'scripts/test-grammar.mjs'))) {
  heading('grammar (vscode-tmgrammar-test)');
  const grammar = await runTee('npm', ['run', '--silent', 'test:grammar']);
  record('grammar', { passed: grammar.code === 0 ? 1 : 0, failed: grammar.code === 0 ? 0 : 1, exitCode: grammar.code });
}

if (build.code === 0) {
  heading('extension host in code-server (test:vscode)');
  record('vscode suites', await runCounted(process.execPath, ['--import', 'tsx', 'scripts/test-vscode.mjs', '--no-build']));
  heading('UI scenarios against the packaged VSIX (test:e2e)');
  record('UI scenarios', await runCounted(process.execPath, ['--import', 'tsx', 'scripts/test-e2e.mjs']));
} else {
  console.log('\nThe build failed: skipping the extension-host suites and the UI scenarios.');
}

heading('summary');
for (const p of parts) console.log(`  ${p.failed ? '✗' : '✓'} ${p.name.padEnd(20)} ${p.passed} passed, ${p.failed} failed`);
const passed = parts.reduce((n, p) => n + p.passed, 0);
const failed = parts.reduce((n, p) => n + p.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || parts.some((p) => p.exitCode !== 0) ? 1 : 0);
