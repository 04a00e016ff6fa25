import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { CLI_BUNDLE, nodeBundle, writeCliLauncher } from '../../scripts/esbuildOptions.cjs';

const root = path.resolve(__dirname, '../..');

/**
 * Bundles the CLI the way scripts/build.mjs does (CommonJS, node20): `outDir/cli.js`, the
 * launcher that compiles the bundle beside it with a code cache.
 * Tests that start the CLI many times use it: a bundled start takes a fraction of a tsx start,
 * which matters on a loaded machine.
 */
export async function bundleCli(outDir: string): Promise<string> {
  await esbuild.build({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outfile: path.join(outDir, CLI_BUNDLE),
    ...nodeBundle,
    logLevel: 'error',
  });
  // The bash parser's wasm files sit next to the bundle, as in dist/.
  const wasmDir = path.join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm');
  for (const f of ['tree-sitter.wasm', 'tree-sitter-bash.wasm']) fs.copyFileSync(path.join(wasmDir, f), path.join(outDir, f));
  writeCliLauncher(outDir);
  return path.join(outDir, 'cli.js');
}
