// Team incidents from the command line, against real git: `incident share`, `join`, `sync`,
// `run --incident` on a shared incident, two responders changing the state at the same moment,
// a responder offline, and the secrets a block prints never reaching any object of the remote.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Incident, TimelineEntry } from '../../src/core/incident/types';
import { builtCli } from '../harness/builtCli';
import { allObjectText, gitSync, makeTeam, type Team } from '../support/team/gitRepos';

let cli = '';
let cleanupCli = (): void => undefined;
const secretsDir = path.resolve(__dirname, '../fixtures/secrets');
const secrets = JSON.parse(fs.readFileSync(path.join(secretsDir, 'secrets.json'), 'utf8')) as { kind: string; value: string }[];

interface Result { code: number | null; stdout: string; stderr: string }

/** The CLI as its own process, in `cwd` (a clone), without the tests' environment leaking an actor. */
function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, RUNBOOK_LENS_ACTOR: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function ok(cwd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await runCli(cwd, args, env);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const lastLine = (s: string) => s.trim().split('\n').at(-1)!;

async function show(cwd: string, dir: string): Promise<{ dir: string; incident: Incident; entries: number }> {
  return JSON.parse(await ok(cwd, ['incident', 'show', dir, '--json']));
}

function entries(dir: string): TimelineEntry[] {
  return fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry);
}

/** The state fields every replica must agree on. */
const state = (i: Incident) => ({ title: i.title, severity: i.severity, status: i.status, commander: i.commander, milestones: i.milestones, target: i.target, impact: i.impact, rootCause: i.rootCause });

/** One responder starts and shares an incident; the others join it by the id `show --json` prints. */
async function sharedIncident(team: Team): Promise<{ id: string; dirs: string[] }> {
  const [first, ...rest] = team.clones;
  const dir = lastLine(await ok(first, ['incident', 'start', 'incidents', '--title', 'Checkout 500s', '--severity', 'P2']));
  await ok(first, ['incident', 'share', dir]);
  const { incident } = await show(first, dir);
  const dirs = [dir];
  for (const c of rest) {
    const joined = lastLine(await ok(c, ['incident', 'join', incident.id, '--remote', 'origin']));
    assert.ok(path.isAbsolute(joined), 'join prints the folder\'s absolute path last');
    assert.equal(joined, path.join(c, 'incidents', incident.id));
    dirs.push(joined);
  }
  return { id: incident.id, dirs };
}

before(async () => {
  ({ cli, cleanup: cleanupCli } = await builtCli());
});
after(() => cleanupCli());

test('share, join and sync: a teammate gets the incident, its state and its entries, with git identities as actors', async () => {
  const team = makeTeam(2);
  try {
    const [a, b] = team.clones;
    const { id, dirs: [da, db] } = await sharedIncident(team);
    assert.deepEqual(state((await show(b, db)).incident), state((await show(a, da)).incident));
    assert.equal(fs.existsSync(path.join(db, 'incident.json')), true, 'incident.json is built from the entries');

    await ok(b, ['incident', 'note', db, 'pods restarted at 10:02']);
    await ok(a, ['incident', 'note', da, 'rollback is ready']);
    await ok(b, ['incident', 'sync', db]);
    const synced = await ok(a, ['incident', 'sync', da]);
    assert.match(synced, /synced with origin/);
    await ok(b, ['incident', 'sync', db]);
    const notes = (d: string) => entries(d).filter((e) => e.kind === 'note').map((e) => `${e.actor}: ${e.text}`).sort();
    assert.deepEqual(notes(da), ['responder-0: rollback is ready', 'responder-1: pods restarted at 10:02']);
    assert.deepEqual(notes(db), notes(da), 'notes by several people are all kept on both sides');

    // The user's branch and work tree are untouched; the incident is a branch of its own.
    assert.equal(gitSync(a, ['rev-parse', '--abbrev-ref', 'HEAD']), 'main');
    assert.match(gitSync(team.bare, ['for-each-ref', '--format=%(refname)']), new RegExp(`^refs/heads/runbook-lens/incidents/${id}$`, 'm'));
  } finally {
    team.cleanup();
  }
});

test('join and share refuse clearly: an unknown id, a remote that is not one, no --remote', async () => {
  const team = makeTeam(2);
  try {
    const [a, b] = team.clones;
    const { id } = await sharedIncident({ ...team, clones: [a] });
    const unknown = await runCli(b, ['incident', 'join', 'no-such-incident', '--remote', 'origin']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, new RegExp(`no incident "no-such-incident" on origin \\(it has ${id}\\)`));
    const notRemote = await runCli(b, ['incident', 'join', id, '--remote', 'upstream']);
    assert.equal(notRemote.code, 1);
    assert.match(notRemote.stderr, /"upstream" is not a git remote of .* \(it has origin\)/);
    const missing = await runCli(b, ['incident', 'join', id]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing --remote NAME/);
    const notShared = await runCli(b, ['incident', 'sync', path.join(b, 'nowhere')]);
    assert.equal(notShared.code, 1);
    assert.match(notShared.stderr, /is not shared with a team/);
    assert.equal(fs.existsSync(path.join(b, 'incidents')), false, 'a refused join leaves nothing behind');
  } finally {
    team.cleanup();
  }
});

test('two responders change the status and the severity at the same moment; both replicas converge, no conflict', async () => {
  const team = makeTeam(2);
  try {
    const [a, b] = team.clones;
    const { dirs: [da, db] } = await sharedIncident(team);
    // At once: a different field each, and the same field (status) on both sides.
    await Promise.all([
      ok(a, ['incident', 'status', da, 'identified']).then(() => ok(a, ['incident', 'sync', da])),
      ok(b, ['incident', 'severity', db, 'P0']).then(() => ok(b, ['incident', 'status', db, 'monitoring'])).then(() => ok(b, ['incident', 'sync', db])),
    ]);
    for (let round = 0; round < 2; round++) {
      await ok(a, ['incident', 'sync', da]);
      await ok(b, ['incident', 'sync', db]);
    }
    const sa = (await show(a, da)).incident;
    const sb = (await show(b, db)).incident;
    assert.deepEqual(state(sb), state(sa));
    assert.equal(sa.severity, 'P0', 'the severity change is kept');
    // The later status entry (time, then id) wins on both replicas.
    const statuses = entries(da).filter((e) => e.kind === 'status' && e.previousStatus).sort((x, y) => (x.time === y.time ? (x.id < y.id ? -1 : 1) : x.time < y.time ? -1 : 1));
    assert.equal(sa.status, statuses.at(-1)!.incidentStatus);
    assert.deepEqual(entries(da).map((e) => e.id).sort(), entries(db).map((e) => e.id).sort());
    gitSync(team.bare, ['fsck', '--no-progress']);
    assert.doesNotMatch(allObjectText(team.bare), /^(<<<<<<<|>>>>>>>) /m, 'no conflict markers in any object');
  } finally {
    team.cleanup();
  }
});

test('run --incident on a shared incident syncs after it records; no secret the block printed reaches any object of the remote', async () => {
  const team = makeTeam(2);
  try {
    const [a, b] = team.clones;
    const { dirs: [da, db] } = await sharedIncident(team);
    const runbook = path.join(a, 'leaky.md');
    fs.writeFileSync(runbook, `# Leaky\n\n\`\`\`bash\ncat ${secretsDir}/*.txt\necho done\n\`\`\`\n`);
    const r = await runCli(a, ['run', runbook, '--block', '1', '--incident', da]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /runbook-lens run: synced with origin/);
    // What the block printed: every secret value of the files it cats (the live output is redacted too).
    const corpus = fs.readdirSync(secretsDir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(secretsDir, f), 'utf8')).join('\n');
    const printed = secrets.filter((s) => corpus.includes(s.value));
    assert.equal(printed.length, secrets.length);
    assert.match(r.stdout, /done\n$/);

    await ok(b, ['incident', 'sync', db]);
    const run = entries(db).find((e) => e.kind === 'command');
    assert.ok(run, 'the teammate has the run');
    assert.equal(run.actor, 'responder-0');
    assert.ok(fs.existsSync(path.join(db, run.outputFile!)), 'and its output');
    const remote = allObjectText(team.bare);
    const leaked = printed.filter((s) => remote.includes(s.value));
    console.log(`# secrets held out of the remote: ${printed.length - leaked.length}/${printed.length}`);
    assert.deepEqual(leaked.map((s) => s.kind), []);
  } finally {
    team.cleanup();
  }
});

test('a responder offline for 50 entries is told how many are not shared yet, and converges when the remote is back', async () => {
  const team = makeTeam(2);
  try {
    const [a, b] = team.clones;
    const { dirs: [da, db] } = await sharedIncident(team);
    const away = `${team.bare}.away`;
    fs.renameSync(team.bare, away);
    for (let i = 0; i < 50; i++) await ok(a, ['incident', 'note', da, `offline note ${i}`]);
    const offline = await ok(a, ['incident', 'sync', da]);
    assert.match(offline, /^offline, 50 entries not shared yet/);
    fs.renameSync(away, team.bare);
    await ok(b, ['incident', 'note', db, 'meanwhile']);
    await ok(b, ['incident', 'sync', db]);
    assert.match(await ok(a, ['incident', 'sync', da]), /^synced with origin, 1 new from teammates/);
    assert.match(await ok(b, ['incident', 'sync', db]), /50 new from teammates/);
    assert.deepEqual(entries(db).map((e) => e.id).sort(), entries(da).map((e) => e.id).sort());
    assert.equal(entries(da).length, new Set(entries(da).map((e) => e.id)).size, 'none doubled');
  } finally {
    team.cleanup();
  }
});

test('the shared-output limit: the repository\'s runbookLens.team.maxSharedOutputKiB, or --max-shared-output-kib; over it head and tail with the marker, under it whole', async () => {
  for (const how of ['settings', 'flag'] as const) {
    const team = makeTeam(2);
    try {
      const [a, b] = team.clones;
      const limit = ['--max-shared-output-kib', '2'];
      if (how === 'settings') {
        fs.mkdirSync(path.join(a, '.vscode'), { recursive: true });
        fs.writeFileSync(path.join(a, '.vscode', 'settings.json'), '{\n  // the team keeps shared outputs small\n  "runbookLens.team.maxSharedOutputKiB": 2,\n}\n');
      }
      const da = lastLine(await ok(a, ['incident', 'start', 'incidents', '--title', 'Big logs', '--severity', 'P3']));
      await ok(a, ['incident', 'share', da, ...(how === 'flag' ? limit : [])]);
      const { incident } = await show(a, da);
      const db = lastLine(await ok(b, ['incident', 'join', incident.id, '--remote', 'origin']));
      const runbook = path.join(a, 'logs.md');
      fs.writeFileSync(runbook, '# Logs\n\n```bash\nfor i in $(seq 1 500); do echo "log line $i of the chatty pod"; done\n```\n\n```bash\necho "one small line"\n```\n');
      for (const block of ['1', '2']) assert.equal((await runCli(a, ['run', runbook, '--block', block, '--incident', da])).code, 0);
      await ok(b, ['incident', 'sync', db]);
      const [big, small] = entries(da).filter((e) => e.kind === 'command' && e.status !== 'started');
      const local = fs.readFileSync(path.join(da, big.outputFile!), 'utf8');
      assert.ok(local.length > 4 * 1024, `the full output stays local (${local.length} bytes)`);
      const shared = fs.readFileSync(path.join(db, big.outputFile!), 'utf8');
      assert.ok(shared.length <= 2 * 1024 + 200, `${how}: shared ${shared.length} bytes`);
      assert.match(shared, /^log line 1 of the chatty pod\n/);
      assert.match(shared, /… \d+ bytes not shared \(output over the team limit\)/);
      assert.match(shared, /log line 500 of the chatty pod\n$/);
      assert.equal(fs.readFileSync(path.join(db, small.outputFile!), 'utf8'), fs.readFileSync(path.join(da, small.outputFile!), 'utf8'), 'under the limit: whole');
    } finally {
      team.cleanup();
    }
  }
});
