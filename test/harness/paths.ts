import * as path from 'node:path';

/** Repository root, whichever script or test imports this. */
// __filename, not __dirname: tsx gives a bogus __dirname when an .mjs script imports this file.
export const repoRoot = path.resolve(path.dirname(__filename), '../..');
export const codeServerEntry = path.join(process.env.RUNBOOK_LENS_TOOLS_DIR ?? path.join(repoRoot, '.tools'), 'code-server/node_modules/code-server/out/node/entry.js');
export const suitesBundle = path.join(repoRoot, 'out/test/vscode/index.js');
export const vsixPath = path.join(repoRoot, 'runbook-lens.vsix');
export const resultsDir = path.join(repoRoot, 'test-results');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
