// Bundles the extension and the CLI with esbuild (CommonJS, vscode external).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { APART, CLI_BUNDLE, apartBuild, loadApart, nodeBundle, writeCliLauncher } from './esbuildOptions.cjs';
import { vscodeApiNames } from './vscodeApiNames.cjs';

const watch = process.argv.includes('--watch');
const repo = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const common = {
  ...nodeBundle,
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'info',
};

// `import * as vscode` in each of ~50 files makes esbuild copy the API object's ~200 names once per
// file at load (__toESM). One module that re-exports the names (read from @types/vscode) is
// bound once instead; a name missing from the list fails the build.
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({
      contents: `const api = require('vscode');\nexport const { ${vscodeApiNames(repo).join(', ')} } = api;\n`,
      loader: 'js',
      resolveDir: repo,
    }));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', plugins: [...nodeBundle.plugins, loadApart, vscodeOnce] },
  ...Object.keys(APART).map((pkg) => ({ ...common, ...apartBuild(pkg, path.join(repo, 'dist')) })),
  // The CLI loads them on first use too: a local block never needs client-node's 14 MB.
  // dist/cli.js is its launcher (written below), which compiles this bundle with a code cache.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: `dist/${CLI_BUNDLE}`, plugins: [...nodeBundle.plugins, loadApart] },
];

// Webview assets from node_modules, copied so the VSIX ships them (media/vendor is generated, not committed).
const vendor = [
  ['node_modules/@vscode/codicons/dist/codicon.css', 'media/vendor/codicons/codicon.css'],
  ['node_modules/@vscode/codicons/dist/codicon.ttf', 'media/vendor/codicons/codicon.ttf'],
  ['node_modules/chart.js/dist/chart.umd.min.js', 'media/vendor/chart.umd.min.js'],
  // The guard's bash parser loads these beside the bundle (src/core/guard/shellParser.ts).
  ['node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm', 'dist/tree-sitter.wasm'],
  ['node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-bash.wasm', 'dist/tree-sitter-bash.wasm'],
];
writeCliLauncher(path.join(repo, 'dist'));
for (const [from, to] of vendor) {
  fs.mkdirSync(path.join(repo, path.dirname(to)), { recursive: true });
  fs.copyFileSync(path.join(repo, from), path.join(repo, to));
}

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
