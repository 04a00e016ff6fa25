// The esbuild options every bundle of ours shares: the build, the tests' own CLI bundles, benchmarks.
const fs = require('node:fs');
const path = require('node:path');

// The redaction gate's WebAssembly is kept as text (src/core/incident/redaction/byteGate.wat):
// each bundle gets the bytes wabt compiles from it, in place of gateWasm.ts, which compiles the
// text at run time for the tests that run the sources.
const gateWasm = {
  name: 'gate-wasm',
  setup(build) {
    build.onLoad({ filter: /[\\/]redaction[\\/]gateWasm\.ts$/ }, async (args) => {
      const wat = path.join(path.dirname(args.path), 'byteGate.wat');
      const wabt = await require('wabt')();
      const module = wabt.parseWat(wat, fs.readFileSync(wat, 'utf8'));
      try {
        const bytes = Buffer.from(module.toBinary({}).buffer).toString('base64');
        return {
          contents: `export function gateWasmBytes() { return Buffer.from(${JSON.stringify(bytes)}, 'base64'); }\n`,
          loader: 'js',
          watchFiles: [wat],
        };
      } finally {
        module.destroy();
      }
    });
  },
};

exports.nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // sh-syntax and other ESM-only packages use import.meta.url.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  // jsonc-parser's UMD main loads its parts with require() calls esbuild cannot follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  plugins: [gateWasm],
};
