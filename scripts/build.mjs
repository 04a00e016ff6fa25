// Bundles the extension and the CLI with esbuild (CommonJS, vscode external).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { nodeBundle } from './esbuildOptions.cjs';

const watch = process.argv.includes('--watch');
const common = {
  ...nodeBundle,
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'info',
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } },
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
const repo = path.dirname(path.dirname(new URL(import.meta.url).pathname));
for (const [from, to] of vendor) {
  fs.mkdirSync(path.join(repo, path.dirname(to)), { recursive: true });
  fs.copyFileSync(path.join(repo, from), path.join(repo, to));
}

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
