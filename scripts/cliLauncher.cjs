#!/usr/bin/env node
'use strict';
// dist/cli.js: starts the CLI bundle (cli-main.js beside it) from a V8 code cache, so a start
// does not compile 1.2 MB of JavaScript again (a third of a `true` block's CPU; Node 20 has no
// module.enableCompileCache). The cache is only ever an optimisation: one that is missing,
// unreadable, corrupt (checked by its SHA-256) or made for another bundle, Node or V8 flags is
// ignored, and the bundle is compiled from source as `require` would. It holds compiled code of
// the bundle only, never anything a run printed. RUNBOOK_LENS_CODE_CACHE: a folder for it, or 0.
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const vm = require('node:vm');
const crypto = require('node:crypto');
const Module = require('node:module');

// V8 rejects a cache made under other flags: src/cli/main.ts sets this one once the bundle runs
// (keep the two the same), so it is set before the compile too (setting it twice changes nothing).
const v8Major = Number(process.versions.v8.split('.')[0]);
require('node:v8').setFlagsFromString(v8Major === 11 ? '--wasm-tier-up-filter=0' : '--liftoff-only');
// src/cli/scavenge.ts's EXPOSE_GC, for the same reason.
require('node:v8').setFlagsFromString('--expose-gc');

const BUNDLE = path.join(__dirname, 'cli-main.js');
const DIGEST = 32;
const KEEP = 4;

function cacheDir() {
  const set = process.env.RUNBOOK_LENS_CODE_CACHE;
  if (set === '0' || set === 'off') return undefined;
  if (set) return set;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'runbook-lens', 'cache');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'runbook-lens');
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'runbook-lens');
}

/** The cached data, if the file is whole: its first 32 bytes are the SHA-256 of the rest. */
function readCache(file) {
  try {
    const bytes = fs.readFileSync(file);
    const data = bytes.subarray(DIGEST);
    return bytes.length > DIGEST && crypto.createHash('sha256').update(data).digest().equals(bytes.subarray(0, DIGEST)) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole under a temporary name and renamed into place; older bundles' caches beyond a few are removed. */
function writeCache(dir, file, script) {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    const data = script.createCachedData();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(tmp, Buffer.concat([crypto.createHash('sha256').update(data).digest(), data]), { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, file);
    // The caches of the few bundles written most recently stay; a temporary file is left only by
    // a process killed while writing it.
    const files = fs.readdirSync(dir).filter((n) => n.startsWith('cli-')).map((n) => ({ n, t: fs.statSync(path.join(dir, n)).mtimeMs }));
    const bundles = [...new Set(files.filter((f) => f.n.endsWith('.v8cache')).sort((a, b) => b.t - a.t).map((f) => f.n.split('-')[1]))];
    for (const f of files) {
      const gone = f.n.endsWith('.tmp') ? Date.now() - f.t > 600_000 : f.n.endsWith('.v8cache') && !bundles.slice(0, KEEP).includes(f.n.split('-')[1]);
      if (gone) fs.rmSync(path.join(dir, f.n), { force: true });
    }
  } catch {
    // A cache that cannot be written is only a slower next start.
    try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to remove */ }
  }
}

const source = fs.readFileSync(BUNDLE);
const dir = cacheDir();
// One cache a command: each holds the functions its first start compiled (`--help` first must
// not leave `run` a cache of nothing but the top level).
const command = /^[a-z]{1,20}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
const file = dir && path.join(dir, `cli-${crypto.createHash('sha256').update(source).digest('hex').slice(0, 24)}-${process.version}-${process.arch}-${command}.v8cache`);
const cachedData = file ? readCache(file) : undefined;
// Module.wrap keeps the bundle's line numbers: the wrapper shares its first line.
const script = new vm.Script(Module.wrap(source.toString('utf8')), { filename: BUNDLE, cachedData });
if (file && (!cachedData || script.cachedDataRejected)) {
  // Made as the process ends, so the functions this run compiled lazily are in it too.
  process.once('exit', () => writeCache(dir, file, script));
}
const mod = new Module(BUNDLE, module);
mod.filename = BUNDLE;
mod.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, __dirname);
mod.loaded = true;
