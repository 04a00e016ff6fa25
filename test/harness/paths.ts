import * as path from 'node:path';

/** Repository root, whichever script or test imports this. */
export const repoRoot = path.resolve(__dirname, '../..');
export const codeServerEntry = path.join(repoRoot, '.tools/code-server/node_modules/code-server/out/node/entry.js');
export const suitesBundle = path.join(repoRoot, 'out/test/vscode/index.js');
export const vsixPath = path.join(repoRoot, 'runbook-lens.vsix');
export const resultsDir = path.join(repoRoot, 'test-results');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
