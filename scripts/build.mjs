// Bundles the extension and the CLI with esbuild (CommonJS, vscode external).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { CLI_BUNDLE, nodeBundle, writeCliLauncher } from './esbuildOptions.cjs';
import { vscodeApiNames } from './vscodeApiNames.cjs';

const watch = process.argv.includes('--watch');
const repo = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const common = {
  ...nodeBundle,
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'info',
};

// Packages the extension needs only once a feature is used (or a block first runs) are bundled on
// their own, minified, into dist/<file>, and loaded where the code first imports or requires them:
// inlined, V8 would read and compile them on every activation (@kubernetes/client-node alone is
// about 14 MB unminified).
const apart = { '@kubernetes/client-node': 'client-node.js', axios: 'axios.js', '@secretlint/secretlint-rule-preset-recommend': 'secretlint.js' };
const apartFilter = new RegExp(`^(${Object.keys(apart).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
const loadApart = {
  name: 'load-apart',
  setup(build) {
    // A tiny CommonJS module stands for the package, so esbuild's own lazy-load and interop
    // (default vs named exports) apply; the file it requires stays outside the bundle.
    build.onResolve({ filter: apartFilter }, (args) =>
      args.kind === 'dynamic-import' || args.kind === 'require-call' ? { path: apart[args.path], namespace: 'apart' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(`./${args.path}`)});`, loader: 'js' }));
    build.onResolve({ filter: /.*/, namespace: 'apart' }, (args) => ({ path: args.path, external: true }));
  },
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
  ...Object.entries(apart).map(([pkg, file]) => ({
    ...common,
    stdin: { contents: pkg === 'axios' ? "export { default } from 'axios';" : `export * from '${pkg}';`, resolveDir: repo, sourcefile: file },
    outfile: `dist/${file}`,
    minify: true,
    sourcemap: false,
  })),
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
