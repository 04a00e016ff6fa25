// npm run test:vscode — the mocha suites of test/vscode inside a real VS Code
// (code-server + headless Chromium). Run with `node --import tsx` (see package.json).
// Options: --no-build (reuse dist/), --grep <text> (only matching tests).
import { spawnSync } from 'node:child_process';
import { bundleSuites } from '../test/harness/bundleSuites.ts';
import { runSuitesInCodeServer } from '../test/harness/runSuitesInCodeServer.ts';
import { repoRoot } from '../test/harness/paths.ts';

const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
if (grepAt >= 0) process.env.RUNBOOK_LENS_TEST_GREP = args[grepAt + 1] ?? '';

function fail(message) {
  console.error(`test:vscode: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) fail('npm run build failed');
}

let summary;
try {
  const { file, suites } = await bundleSuites();
  console.log(`Running ${suites.length} suite file(s) in code-server…`);
  summary = await runSuitesInCodeServer(file);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(summary.exitCode !== 0 || summary.failed > 0 ? 1 : 0);
