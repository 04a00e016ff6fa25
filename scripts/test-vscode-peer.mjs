// A second VS Code for the extension-host suites that need two editors at once
// (test/vscode/teamTwoEditors.test.ts starts it): its own code-server, with its own user data
// and extensions folders, and its own headless Chromium, opened on --workspace, running the
// mocha suite test/vscode/peer/<--suite>.ts. Run with `node --import tsx` from the repository.
// Options: --workspace DIR, --suite NAME, --settings JSON (user settings), --env JSON (extension
// host environment). Prints the peer's mocha lines and `N passed, N failed`; exit 1 on failure.
import * as path from 'node:path';
import { bundleSuites } from '../test/harness/bundleSuites.ts';
import { runSuitesInCodeServer } from '../test/harness/runSuitesInCodeServer.ts';
import { repoRoot } from '../test/harness/paths.ts';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const workspace = option('--workspace');
const suite = option('--suite');
if (!workspace || !suite || !/^[A-Za-z0-9-]+$/.test(suite)) {
  console.error('test:vscode-peer: needs --workspace DIR and --suite NAME (a file of test/vscode/peer/)');
  process.exit(2);
}
// Stopped by the test that started it: exit normally so the code-server group is killed too.
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.exit(143));

let summary;
try {
  const { file } = await bundleSuites({
    suites: [path.join(repoRoot, 'test/vscode/peer', `${suite}.ts`)],
    outfile: path.join(repoRoot, 'out/test/vscode-peer', `${suite}.js`),
  });
  summary = await runSuitesInCodeServer(file, {
    workspace: path.resolve(workspace),
    settings: JSON.parse(option('--settings') ?? '{}'),
    env: JSON.parse(option('--env') ?? '{}'),
    name: `vscode-peer-${suite}`,
  });
} catch (err) {
  console.error(`test:vscode-peer: ${err instanceof Error ? err.message : String(err)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(summary.exitCode !== 0 || summary.failed > 0 ? 1 : 0);
