// dist/cli.js compiles the CLI bundle with a V8 code cache (scripts/cliLauncher.cjs): the cache
// is made once, used after, and one that is corrupt, stale or cannot be written never changes
// what a run does.
import { before, after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleCli } from '../support/bundleCli';

let tmp = '';
let cli = '';
let runbook = '';

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-code-cache-'));
  cli = await bundleCli(path.join(tmp, 'cli'));
  runbook = path.join(tmp, 'rb.md');
  // A guarded block (the bash parser's glue must load under the launcher) that fails with 3.
  fs.writeFileSync(runbook, '# Cache\n\n```bash\necho from-the-block\nexit 3\n```\n\n```bash\nkubectl delete pod web-1\n```\n');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(cacheDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'run', runbook, '--incident', path.join(tmp, 'inc'), ...args], {
    encoding: 'utf8', timeout: 30_000, env: { ...process.env, RUNBOOK_LENS_CODE_CACHE: cacheDir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cacheFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** The run as the bundle behaves: block 1's output and exit, block 2 refused by the guard. */
function assertRunsRight(cacheDir: string, what: string): void {
  const ran = run(cacheDir, '--block', '1');
  assert.equal(ran.code, 3, `${what}: ${ran.stderr}`);
  assert.equal(ran.stdout, 'from-the-block\n', what);
  const refused = run(cacheDir, '--block', '2');
  assert.equal(refused.code, 3, what);
  assert.match(refused.stderr, /refused to run .*It needs confirmation/s, what);
}

test('the first start makes the cache; later starts use it and leave it as it is', () => {
  const dir = path.join(tmp, 'made');
  assertRunsRight(dir, 'no cache yet');
  const [file, ...more] = cacheFiles(dir);
  assert.match(file, /^cli-[0-9a-f]{24}-v\d+\.\d+\.\d+-\w+-run\.v8cache$/);
  assert.deepEqual(more, [], 'one file, no temporary left');
  const before = fs.readFileSync(path.join(dir, file));
  const stat = fs.statSync(path.join(dir, file));
  assertRunsRight(dir, 'from the cache');
  // Rewritten only when V8 rejects it: untouched means it was taken.
  assert.equal(fs.statSync(path.join(dir, file)).mtimeMs, stat.mtimeMs);
  assert.ok(fs.readFileSync(path.join(dir, file)).equals(before));
});

test('a corrupt, truncated or foreign cache is ignored and made again', () => {
  const dir = path.join(tmp, 'corrupt');
  assertRunsRight(dir, 'first');
  const [file] = cacheFiles(dir);
  const full = path.join(dir, file);
  const good = fs.readFileSync(full);
  const flipped = Buffer.from(good);
  // A flipped byte in the code itself would crash V8 were it taken: the checksum turns it away.
  for (let i = 0; i < 8; i++) flipped[Math.floor(good.length / 2) + i] ^= 0xff;
  const variants: [string, Buffer][] = [
    ['flipped bytes', flipped],
    ['truncated', good.subarray(0, 1000)],
    ['empty', Buffer.alloc(0)],
    ['garbage', Buffer.from('not a cache at all, but long enough to hold a digest and some more bytes')],
  ];
  for (const [what, bytes] of variants) {
    fs.writeFileSync(full, bytes);
    assertRunsRight(dir, what);
    assert.ok(fs.readFileSync(full).length > 1000, `${what}: made again`);
  }
});

test('a cache made from another bundle of the same name is rejected by V8, not run', () => {
  const dir = path.join(tmp, 'stale');
  assertRunsRight(dir, 'first');
  const [file] = cacheFiles(dir);
  const cached = fs.readFileSync(path.join(dir, file));
  // Another bundle (one more line) gets another cache name; give it the old bundle's cache.
  const bundle = path.join(path.dirname(cli), 'cli-main.js');
  const original = fs.readFileSync(bundle);
  try {
    fs.writeFileSync(bundle, Buffer.concat([original, Buffer.from('\n// another build\n')]));
    run(path.join(tmp, 'probe'), '--block', '1');
    const [otherName] = cacheFiles(path.join(tmp, 'probe'));
    assert.notEqual(otherName, file);
    fs.writeFileSync(path.join(dir, otherName), cached);
    assertRunsRight(dir, 'stale cache');
    assert.ok(!fs.readFileSync(path.join(dir, otherName)).equals(cached), 'replaced');
  } finally {
    fs.writeFileSync(bundle, original);
  }
});

test('no cache where it cannot be written, none when turned off: the run is the same', () => {
  const notADir = path.join(tmp, 'a-file');
  fs.writeFileSync(notADir, 'x');
  assertRunsRight(notADir, 'cache folder is a file');
  assert.equal(fs.readFileSync(notADir, 'utf8'), 'x');
  const off = path.join(tmp, 'off');
  const r = spawnSync(process.execPath, [cli, 'run', runbook, '--block', '1', '--incident', path.join(tmp, 'inc')], {
    encoding: 'utf8', timeout: 30_000, env: { ...process.env, RUNBOOK_LENS_CODE_CACHE: '0', XDG_CACHE_HOME: off, HOME: off },
  });
  assert.equal(r.status, 3, r.stderr);
  assert.deepEqual(cacheFiles(off), []);
});

test('the bundle loads no module through import() (a cached script has no dynamic-import callback)', () => {
  const bundle = fs.readFileSync(path.join(path.dirname(cli), 'cli-main.js'), 'utf8');
  // A module by name (`import("node:fs")`), not a type in a doc comment (`{import('./get')}`).
  assert.doesNotMatch(bundle, /(?<![{\w.])import\(\s*["'][^"'./]/);
});

test('one cache a command; only the caches of the last few bundles are kept', () => {
  const dir = path.join(tmp, 'kept');
  fs.mkdirSync(dir);
  // Caches of five older bundles, oldest first, and a temporary file a killed process left.
  const old = ['a', 'b', 'c', 'd', 'e'].map((c, i) => {
    const name = `cli-${c.repeat(24)}-${process.version}-${process.arch}-run.v8cache`;
    fs.writeFileSync(path.join(dir, name), 'old');
    const t = new Date(Date.now() - (10 - i) * 3600_000);
    fs.utimesSync(path.join(dir, name), t, t);
    return name;
  });
  const leftover = `cli-${'f'.repeat(24)}-${process.version}-${process.arch}-run.v8cache.123.abcd.tmp`;
  fs.writeFileSync(path.join(dir, leftover), 'half');
  fs.utimesSync(path.join(dir, leftover), new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8', env: { ...process.env, RUNBOOK_LENS_CODE_CACHE: dir } });
  assert.equal(help.status, 0);
  assertRunsRight(dir, 'after --help');
  const now = cacheFiles(dir).filter((n) => !old.includes(n));
  assert.deepEqual(now.map((n) => n.replace(/^cli-[0-9a-f]{24}-v[\d.]+-\w+-/, '')), ['other.v8cache', 'run.v8cache']);
  assert.deepEqual(cacheFiles(dir).filter((n) => old.includes(n)), old.slice(2), 'this bundle and the three newest others');
});

test('a run that relays enough output to scavenge (src/cli/scavenge.ts) leaves a cache the next start takes', () => {
  // --expose-gc is set before the compile as at run time: a flag set only mid-run would make V8
  // reject every cache made after it.
  const dir = path.join(tmp, 'scavenged');
  const big = path.join(tmp, 'big.md');
  fs.writeFileSync(big, '# Big\n\n```bash\nyes 0123456789abcdefghijklmnopqrstuvwxyz | head -c 12582912\n```\n');
  const runBig = () => spawnSync(process.execPath, [cli, 'run', big, '--block', '1', '--incident', path.join(tmp, 'inc-big')], {
    encoding: 'buffer', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, RUNBOOK_LENS_CODE_CACHE: dir },
  });
  const first = runBig();
  assert.equal(first.status, 0, first.stderr.toString());
  assert.equal(first.stdout.length, 12582912, 'the whole output on stdout');
  const [file] = cacheFiles(dir);
  const stat = fs.statSync(path.join(dir, file));
  const second = runBig();
  assert.equal(second.status, 0, second.stderr.toString());
  assert.equal(second.stdout.length, 12582912);
  assert.equal(fs.statSync(path.join(dir, file)).mtimeMs, stat.mtimeMs, 'taken, not rewritten');
});
