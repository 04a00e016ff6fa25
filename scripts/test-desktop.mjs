// npm run test:desktop — the same mocha suites as test:vscode, in a desktop VS Code
// downloaded by @vscode/test-electron (needs a machine that can download VS Code and
// show a window or run under xvfb-run). CI and these machines use test:vscode instead.
// Options: --no-build, --grep <text>, --version <vscode version> (default: stable).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuites } from '../test/harness/bundleSuites.ts';
import { followFile, readSummary } from '../test/harness/followFile.ts';
import { quietSettings } from '../test/harness/codeServer.ts';
import { repoRoot } from '../test/harness/paths.ts';
import { makeWorkspace, tempDir } from '../test/harness/workspace.ts';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const tmp = tempDir('desktop-suites');
const workspace = makeWorkspace(path.join(tmp.dir, 'workspace'));
const userData = path.join(tmp.dir, 'user-data');
const outDir = path.join(tmp.dir, 'results');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify(quietSettings, null, 2));

const { file } = await bundleSuites();
const follow = followFile(path.join(outDir, 'mocha.log'));
let exitCode = 1;
try {
  exitCode = await runTests({
    version: option('--version') ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: file,
    extensionTestsEnv: { RUNBOOK_LENS_TEST_OUT: outDir, RUNBOOK_LENS_TEST_COLOR: process.stdout.isTTY ? '1' : '0', RUNBOOK_LENS_TEST_GREP: option('--grep') ?? '' },
    launchArgs: [workspace, '--user-data-dir', userData, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (err) {
  console.error(`test:desktop: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  follow.stop();
}
const summary = readSummary(path.join(outDir, 'summary.json')) ?? { passed: 0, failed: 1 };
tmp.cleanup();
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(exitCode !== 0 || summary.failed > 0 ? 1 : 0);
