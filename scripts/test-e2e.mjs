// npm run test:e2e — UI scenarios (test/e2e) in VS Code in the browser against the
// packaged extension: npm run package, install runbook-lens.vsix with code-server's
// --install-extension, then each scenario opens its own fresh workbench.
// Options: --no-package (reuse runbook-lens.vsix), file names to run only some scenarios.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installVsix } from '../test/harness/codeServer.ts';
import { runNodeTests } from '../test/harness/nodeTestRun.ts';
import { repoRoot, resultsDir, vsixPath } from '../test/harness/paths.ts';
import { tempDir } from '../test/harness/workspace.ts';

const args = process.argv.slice(2);
const fail = (message) => {
  console.error(`test:e2e: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
};

if (!args.includes('--no-package')) {
  const pkg = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pkg.status !== 0) fail('npm run package failed');
}
if (!fs.existsSync(vsixPath)) fail('runbook-lens.vsix is missing');

// Screenshots of this run only.
fs.mkdirSync(resultsDir, { recursive: true });
for (const f of fs.readdirSync(resultsDir)) if (/^\d-.*\.png$/.test(f)) fs.rmSync(path.join(resultsDir, f));

const e2eDir = path.join(repoRoot, 'test/e2e');
const wanted = args.filter((a) => !a.startsWith('--'));
const files = fs.readdirSync(e2eDir)
  .filter((f) => f.endsWith('.test.ts') && (!wanted.length || wanted.some((w) => f.includes(w))))
  .sort()
  .map((f) => path.join('test/e2e', f));
if (!files.length) fail('no scenario matches');

const tmp = tempDir('e2e-extensions');
let counts;
let error;
try {
  const extensions = path.join(tmp.dir, 'extensions');
  await installVsix(vsixPath, extensions, path.join(tmp.dir, 'install'));
  console.log(`Installed runbook-lens.vsix; running ${files.length} UI scenario(s)…`);
  // One at a time: each starts its own code-server and Chromium.
  counts = await runNodeTests(files, { env: { RUNBOOK_LENS_E2E_EXTENSIONS: extensions }, concurrency: 1 });
} catch (err) {
  error = err instanceof Error ? err.message : String(err);
} finally {
  tmp.cleanup();
}
if (error) fail(error);
console.log(`Screenshots: ${path.relative(repoRoot, resultsDir)}/`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.exitCode !== 0 || counts.failed > 0 ? 1 : 0);
