// Loads markdown-it alone ("baseline") or dist/extension.js + activate() ("extension") in a fresh
// process, with a do-nothing stand-in for the `vscode` module, and prints the time in ms.
const Module = require('module');
const path = require('path');

function stub() {
  const fn = function () { return proxy; };
  const proxy = new Proxy(fn, {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'get') return () => undefined;
      if (prop === 'isTrusted') return true;
      if (prop === 'workspaceFolders') return undefined;
      if (prop === 'length') return 0;
      return proxy;
    },
    set() { return true; },
    apply() { return proxy; },
    construct() { return proxy; },
  });
  return proxy;
}

const { vscodeApiNames } = require('../../scripts/vscodeApiNames.cjs');
const names = vscodeApiNames(path.resolve(__dirname, '../..'));
const member = stub();
// A plain object, as the real module is: a Proxy here made esbuild's interop copy cost ~35 ms.
const vscode = Object.fromEntries(names.map((n) => [n, member]));
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

// The extension host has these loaded long before any extension activates: load them first, in
// both modes, so only the extension's own code is timed.
for (const m of ['path', 'fs', 'fs/promises', 'os', 'crypto', 'util', 'string_decoder', 'https', 'http', 'child_process', 'url', 'stream', 'events']) require(m);

const mode = process.argv[2];
const t0 = process.hrtime.bigint();
if (mode === 'baseline') {
  require('markdown-it');
} else {
  const ext = require(path.resolve(__dirname, '../../dist/extension.js'));
  const ctx = { subscriptions: [], workspaceState: member, globalState: member, secrets: member, extensionUri: member, extensionPath: path.resolve(__dirname, '../..'), asAbsolutePath: (p) => p, environmentVariableCollection: member };
  ext.activate(ctx);
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ ms }) + '\n');
process.exit(0);
