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

// tree-sitter's glue (and secretlint's rules) load Node modules with `await import(…)`: from
// CommonJS that starts Node's ESM loader (3 ms a start), and a script compiled with a code cache
// (the CLI's launcher) has no dynamic-import callback at all. require() does the same for a
// built-in module: esbuild makes it so (`supported` below), but in tree-sitter's glue a `var
// require` of its own is hoisted over the call, so there the file's require is taken at its top.
const treeSitterRequire = {
  name: 'tree-sitter-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]@vscode[\\/]tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const out = text.replace(/\bimport\(("(?:module|fs\/promises)")\)/g, 'Promise.resolve(__nodeRequire($1))');
      if (out === text) throw new Error('tree-sitter.js: no import() of a Node module to replace (has the glue changed?)');
      return { contents: `const __nodeRequire = require;\n${out}`, loader: 'js' };
    });
  },
};

// markdown-it's constructor makes a LinkifyIt (its module and regexes cost 3–4 ms a start) that a
// parser with linkify off (src/core/runbook/markdown.ts) never asks anything; it takes
// decodeHTML from entities' index, which also builds the encoding tables. Here the LinkifyIt is
// made on first use, and the decoders come from entities' decode.js (the same functions).
const markdownItLean = {
  name: 'markdown-it-lean',
  setup(build) {
    const fromMarkdownIt = (args) => /[\\/]markdown-it[\\/]/.test(args.importer);
    build.onResolve({ filter: /^linkify-it$/ }, (args) => (fromMarkdownIt(args) ? { path: 'lazy-linkify-it', namespace: 'markdown-it-lean' } : undefined));
    build.onLoad({ filter: /^lazy-linkify-it$/, namespace: 'markdown-it-lean' }, () => ({
      contents: `export default function LazyLinkifyIt(...args) {
  let real;
  const it = () => {
    const m = require('linkify-it');
    return (real ??= new (m.default ?? m)(...args));
  };
  return new Proxy({}, {
    get: (_, key) => { const v = it()[key]; return typeof v === 'function' ? v.bind(it()) : v; },
    set: (_, key, value) => { it()[key] = value; return true; },
    has: (_, key) => key in it(),
  });
}
`,
      loader: 'js',
      resolveDir: __dirname,
    }));
    build.onResolve({ filter: /^entities$/ }, (args) => (fromMarkdownIt(args) ? build.resolve('entities/lib/decode.js', { kind: args.kind, resolveDir: args.resolveDir }).then((r) => ({ path: r.path })) : undefined));
  },
};

// Packages needed only once a feature is used (or a block first runs) are bundled on their own,
// minified, into <dist>/<file>, and loaded where the code first imports or requires them: inlined,
// V8 would read and compile them on every activation or CLI start (@kubernetes/client-node alone
// is about 14 MB unminified).
const APART = { '@kubernetes/client-node': 'client-node.js', axios: 'axios.js', '@secretlint/secretlint-rule-preset-recommend': 'secretlint.js' };
const apartFilter = new RegExp(`^(${Object.keys(APART).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
exports.APART = APART;
exports.loadApart = {
  name: 'load-apart',
  setup(build) {
    // A tiny CommonJS module stands for the package, so esbuild's own lazy-load and interop
    // (default vs named exports) apply; the file it requires stays outside the bundle.
    build.onResolve({ filter: apartFilter }, (args) =>
      args.kind === 'dynamic-import' || args.kind === 'require-call' ? { path: APART[args.path], namespace: 'apart' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(`./${args.path}`)});`, loader: 'js' }));
    build.onResolve({ filter: /.*/, namespace: 'apart' }, (args) => ({ path: args.path, external: true }));
  },
};
/** The esbuild options (beyond nodeBundle's) that write one of APART's packages into outDir. */
exports.apartBuild = (pkg, outDir) => ({
  stdin: { contents: pkg === 'axios' ? "export { default } from 'axios';" : `export * from '${pkg}';`, resolveDir: path.dirname(__dirname), sourcefile: APART[pkg] },
  outfile: path.join(outDir, APART[pkg]),
  minify: true,
  sourcemap: false,
});

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
  supported: { 'dynamic-import': false },
  plugins: [gateWasm, treeSitterRequire, markdownItLean],
};

// The CLI is two files: the bundle, and dist/cli.js, a launcher that compiles it with a V8 code
// cache (scripts/cliLauncher.cjs). The build and the tests' CLI bundles both make them so.
exports.CLI_BUNDLE = 'cli-main.js';
exports.writeCliLauncher = (outDir) => {
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'cliLauncher.cjs'), path.join(outDir, 'cli.js'));
  fs.chmodSync(path.join(outDir, 'cli.js'), 0o755);
};
