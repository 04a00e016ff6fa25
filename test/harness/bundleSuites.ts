import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { nodeBundle } from '../../scripts/esbuildOptions.cjs';
import { repoRoot, suitesBundle } from './paths';

const suitesDir = path.join(repoRoot, 'test/vscode');

function findSuites(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return findSuites(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  }).sort();
}

/**
 * Bundles test/vscode/**\/*.test.ts (or the given suite files) and the mocha runner into one
 * CommonJS file whose `run()` is what VS Code calls as extensionTestsPath. Suites are required
 * lazily, after mocha has set its globals (describe, it…).
 */
export async function bundleSuites(only?: { suites: string[]; outfile: string }): Promise<{ file: string; suites: string[] }> {
  const suites = only?.suites ?? findSuites(suitesDir);
  const outfile = only?.outfile ?? suitesBundle;
  if (!suites.length) throw new Error('no suites found in test/vscode');
  const requires = suites.map((s) => `require(${JSON.stringify('./' + path.relative(repoRoot, s))});`).join('\n    ');
  const contents = `import { runSuites } from './test/vscode/runner';
export function run() {
  return runSuites(() => {
    ${requires}
  });
}
`;
  await esbuild.build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: 'test-vscode-index.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    outfile,
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
    // The redaction gate's WebAssembly, compiled as in the extension's bundle.
    plugins: nodeBundle.plugins,
  });
  return { file: outfile, suites };
}
