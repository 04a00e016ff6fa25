import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { APART, CLI_BUNDLE, apartBuild, loadApart, nodeBundle, writeCliLauncher } from '../../scripts/esbuildOptions.cjs';

const root = path.resolve(__dirname, '../..');

/**
 * Bundles the CLI the way scripts/build.mjs does (CommonJS, node20): `outDir/cli.js`, the
 * launcher that compiles the bundle beside it with a code cache, and the packages it loads apart.
 * Tests that start the CLI many times use it: a bundled start takes a fraction of a tsx start,
 * which matters on a loaded machine.
 */
export async function bundleCli(outDir: string): Promise<string> {
  // As shipped: client-node, axios and the secretlint preset in files of their own, loaded on first
  // use (inlined, the bundle was 17 MB and every start read it: not the CLI users run).
  await Promise.all([
    esbuild.build({
      entryPoints: [path.join(root, 'src/cli/main.ts')],
      outfile: path.join(outDir, CLI_BUNDLE),
      ...nodeBundle,
      plugins: [...nodeBundle.plugins, loadApart],
      logLevel: 'error',
    }),
    ...Object.keys(APART).map((pkg) => esbuild.build({ ...nodeBundle, ...apartBuild(pkg, outDir), logLevel: 'error' })),
  ]);
  // The bash parser's wasm files sit next to the bundle, as in dist/.
  const wasmDir = path.join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm');
  for (const f of ['tree-sitter.wasm', 'tree-sitter-bash.wasm']) fs.copyFileSync(path.join(wasmDir, f), path.join(outDir, f));
  writeCliLauncher(outDir);
  return path.join(outDir, 'cli.js');
}
