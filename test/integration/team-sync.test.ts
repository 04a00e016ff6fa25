// Team incidents through git: the sync engine against real git repositories (a bare origin on
// disk or served over HTTP on 127.0.0.1 by `git http-backend`), several responders at once.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { appendEntry, newEntryId, readTimeline } from '../../src/core/incident/timeline';
import type { TimelineEntry } from '../../src/core/incident/types';
import { syncIncident } from '../../src/core/team/sync';
import { applyIncoming, compareEntries, scanShared, shareableFiles } from '../../src/core/team/incidentShare';
import { allObjectText, gitAsync, gitSync, makeTeam, serveGitHttp } from '../support/team/gitRepos';
import { repoRoot } from '../harness/paths';

const ID = '2026-12-02-0100-api-errors';
const share = { maxSharedOutputBytes: 1024 * 1024 };

function incidentDir(clone: string): string {
  const dir = path.join(clone, 'incidents', ID);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function sync(clone: string, opts: { offline?: boolean } = {}) {
  const dir = incidentDir(clone);
  const result = await syncIncident({ repo: clone, remote: 'origin', incidentId: ID, files: shareableFiles(dir, share), scan: scanShared, ...opts });
  await applyIncoming(dir, result.incoming);
  return result;
}

async function note(clone: string, text: string, extra: Partial<TimelineEntry> = {}): Promise<TimelineEntry> {
  const e = { id: newEntryId(), time: new Date().toISOString(), kind: 'note', text, ...extra } as TimelineEntry;
  await appendEntry(incidentDir(clone), e);
  return e;
}

async function sortedIds(clone: string): Promise<string[]> {
  const { entries, problems } = await readTimeline(incidentDir(clone));
  assert.deepEqual(problems, []);
  return [...entries].sort(compareEntries).map((e) => e.id);
}

function runReplica(clone: string, count: number, seed: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/support/team/replica.ts'), clone, incidentDir(clone), ID, String(count), String(seed)], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', resolve);
  });
}

describe('team sync through git', () => {
  it('three responders appending 200 entries each, syncing at random moments, converge on all 600 in one order', async () => {
    const team = makeTeam(3);
    try {
      const codes = await Promise.all(team.clones.map((c, i) => runReplica(c, 200, i + 7)));
      assert.deepEqual(codes, [0, 0, 0]);
      for (let round = 0; round < 2; round++) for (const c of team.clones) await sync(c);
      const orders = await Promise.all(team.clones.map(sortedIds));
      assert.equal(orders[0].length, 600);
      assert.equal(new Set(orders[0]).size, 600, 'no entry doubled');
      assert.deepEqual(orders[1], orders[0]);
      assert.deepEqual(orders[2], orders[0]);
      for (const c of team.clones) {
        const raw = fs.readFileSync(path.join(incidentDir(c), 'timeline.jsonl'), 'utf8');
        assert.equal(raw.trim().split('\n').length, 600, 'each entry once in every timeline.jsonl');
        assert.doesNotMatch(raw, /^(<<<<<<<|>>>>>>>|=======)/m);
      }
      // The team's own branch and the user's work tree are untouched.
      for (const c of team.clones) {
        assert.equal(gitSync(c, ['status', '--porcelain', '--untracked-files=no']), '');
        assert.equal(gitSync(c, ['rev-parse', '--abbrev-ref', 'HEAD']), 'main');
      }
      assert.match(gitSync(team.bare, ['for-each-ref', '--format=%(refname)']), new RegExp(`refs/heads/runbook-lens/incidents/${ID}`));
      gitSync(team.bare, ['fsck', '--no-progress']);
    } finally {
      team.cleanup();
    }
  });

  it('works over HTTP (git http-backend on 127.0.0.1), pushing and fetching through the network path', async () => {
    const team = makeTeam(0);
    const server = await serveGitHttp(team.root);
    try {
      const url = `${server.url}/origin.git`;
      const a = path.join(team.root, 'a');
      const b = path.join(team.root, 'b');
      for (const d of [a, b]) {
        await gitAsync(team.root, ['clone', '--quiet', url, d]);
        gitSync(d, ['config', 'user.name', path.basename(d)]);
        gitSync(d, ['config', 'user.email', `${path.basename(d)}@example.test`]);
      }
      const e1 = await note(a, 'from a');
      assert.equal((await sync(a)).shared, true);
      const e2 = await note(b, 'from b');
      await sync(b);
      await sync(a);
      assert.deepEqual(await sortedIds(a), [e1.id, e2.id]);
      assert.deepEqual(await sortedIds(b), [e1.id, e2.id]);
      assert.ok(server.requests.some((r) => r.method === 'POST' && r.path.endsWith('/git-receive-pack')), 'pushed over HTTP');
      assert.ok(server.requests.some((r) => r.path.endsWith('/git-upload-pack')), 'fetched over HTTP');
    } finally {
      await server.close();
      team.cleanup();
    }
  });

  it('a responder offline for 50 entries queues them, says how many are not shared, and converges when back', async () => {
    const team = makeTeam(2);
    const [a, b] = team.clones;
    try {
      await note(a, 'first');
      await sync(a);
      const moved = `${team.bare}.away`;
      fs.renameSync(team.bare, moved); // the remote is gone
      for (let i = 0; i < 50; i++) await note(a, `offline ${i}`);
      const offline = await sync(a);
      assert.ok(offline.offline, 'the result says the remote cannot be reached');
      assert.equal(offline.shared, false);
      assert.equal(offline.unshared, 50);
      fs.renameSync(moved, team.bare);
      await note(b, 'meanwhile from b');
      await sync(b);
      const back = await sync(a);
      assert.equal(back.shared, true);
      assert.equal(back.unshared, 0);
      await sync(b);
      assert.equal((await sortedIds(a)).length, 52);
      assert.deepEqual(await sortedIds(b), await sortedIds(a));
    } finally {
      team.cleanup();
    }
  });

  it('a sync killed with SIGKILL at any moment leaves a replica the next sync repairs', async () => {
    const team = makeTeam(2);
    const [a, b] = team.clones;
    try {
      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 20; i++) await note(a, `round ${round} entry ${i}`);
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/support/team/replica.ts'), a, incidentDir(a), ID, '0', '1'], { stdio: 'ignore' });
        // Listened for at once: a sync that finishes before the kill has closed already.
        const closed = new Promise((r) => child.on('close', r));
        await new Promise((r) => setTimeout(r, 150 + round * 120));
        child.kill('SIGKILL');
        await closed;
      }
      await sync(a);
      await sync(b);
      assert.equal((await sortedIds(b)).length, 120);
      assert.deepEqual(await sortedIds(b), await sortedIds(a));
      gitSync(a, ['fsck', '--no-progress', '--no-dangling']);
      gitSync(team.bare, ['fsck', '--no-progress', '--no-dangling']);
    } finally {
      team.cleanup();
    }
  });

  it('a file that still trips the secret rules is refused before any commit, and never reaches the remote', async () => {
    const team = makeTeam(1);
    const [a] = team.clones;
    try {
      const token = 'ghp_' + 'R3dT3amT0k3nN0tR3alAbCdEfGhIjKlMn0p';
      await note(a, 'clean note');
      // Written around the recorder, as a buggy or hand-made file would be.
      fs.appendFileSync(path.join(incidentDir(a), 'timeline.jsonl'), JSON.stringify({ id: newEntryId(), time: new Date().toISOString(), kind: 'note', text: `token ${token}` }) + '\n');
      const result = await sync(a);
      assert.ok(result.refused?.length, 'refused');
      assert.match(result.refused![0].path, /^entries\//);
      assert.equal(result.head, undefined, 'nothing committed');
      assert.doesNotMatch(allObjectText(a), new RegExp(token));
      assert.doesNotMatch(allObjectText(team.bare), new RegExp(token));
    } finally {
      team.cleanup();
    }
  });

  it('large outputs are shared as head and tail with a marker; the full file stays local', async () => {
    const team = makeTeam(2);
    const [a, b] = team.clones;
    try {
      const e = await note(a, 'big output', { kind: 'command', outputFile: `outputs/x.log` });
      const big = Array.from({ length: 40_000 }, (_, i) => `line ${i} of a chatty pod log`).join('\n') + '\n';
      fs.mkdirSync(path.join(incidentDir(a), 'outputs'), { recursive: true });
      fs.writeFileSync(path.join(incidentDir(a), 'outputs', `${e.id}.log`), big);
      await syncIncident({ repo: a, remote: 'origin', incidentId: ID, files: shareableFiles(incidentDir(a), { maxSharedOutputBytes: 64 * 1024 }), scan: scanShared });
      const got = await sync(b);
      assert.ok(got.incoming.size >= 2);
      const shared = fs.readFileSync(path.join(incidentDir(b), 'outputs', `${e.id}.log`), 'utf8');
      assert.ok(shared.length < 70 * 1024);
      assert.ok(shared.startsWith('line 0 of'));
      assert.ok(shared.trimEnd().endsWith('line 39999 of a chatty pod log'));
      assert.match(shared, /bytes not shared/);
      assert.equal(fs.readFileSync(path.join(incidentDir(a), 'outputs', `${e.id}.log`), 'utf8'), big, 'the local file is whole');
    } finally {
      team.cleanup();
    }
  });

  it('property: any interleaving of appends and syncs on three replicas converges to one state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ who: fc.integer({ min: 0, max: 2 }), op: fc.constantFrom('append', 'append', 'sync', 'offline-sync') }), { minLength: 1, maxLength: 14 }), async (ops) => {
        const team = makeTeam(3);
        try {
          let appended = 0;
          for (const { who, op } of ops) {
            const c = team.clones[who];
            if (op === 'append') {
              await note(c, `n${appended++}`);
            } else {
              await sync(c, { offline: op === 'offline-sync' });
            }
          }
          for (let round = 0; round < 2; round++) for (const c of team.clones) await sync(c);
          const orders = await Promise.all(team.clones.map(sortedIds));
          assert.equal(orders[0].length, appended);
          assert.deepEqual(orders[1], orders[0]);
          assert.deepEqual(orders[2], orders[0]);
        } finally {
          team.cleanup();
        }
      }),
      { numRuns: 12 },
    );
  });
});
