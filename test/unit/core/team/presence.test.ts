// Presence files: only this responder's own file is shared, the later of two versions wins on
// every replica whichever side merges, and an older copy never replaces a newer one locally.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { presenceName, readPresence, resolveShared, writePresence } from '../../../../src/core/team/presence';
import { applyIncoming, shareableFiles } from '../../../../src/core/team/incidentShare';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-presence-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const share = (dir: string, presenceOf?: string) => shareableFiles(dir, { maxSharedOutputBytes: 1 << 20, presenceOf });
const p = (actor: string, at: string) => Buffer.from(JSON.stringify({ actor, at }) + '\n');

test('an actor name becomes a safe file name', () => {
  assert.equal(presenceName('Ann Lee <ann@x.test>'), 'Ann-Lee-ann-x.test.json');
  assert.equal(presenceName('../../etc/passwd'), 'etc-passwd.json');
  assert.equal(presenceName('  '), 'someone.json');
});

test('only the own presence file is shared; teammates\' copies are theirs to update', () => {
  const dir = path.join(tmp, 'own');
  writePresence(dir, { actor: 'ann', at: '2026-12-02T10:00:00.000Z' });
  writePresence(dir, { actor: 'bob', at: '2026-12-02T09:00:00.000Z' });
  assert.deepEqual([...share(dir, 'ann').keys()].filter((k) => k.startsWith('presence/')), ['presence/ann.json']);
  assert.deepEqual([...share(dir).keys()].filter((k) => k.startsWith('presence/')), []);
});

test('two versions of one presence file: the later wins, whichever side merges (commutative)', () => {
  const older = p('bob', '2026-12-02T09:00:00.000Z');
  const newer = p('bob', '2026-12-02T09:05:00.000Z');
  assert.equal(resolveShared('presence/bob.json', older, newer), newer);
  assert.equal(resolveShared('presence/bob.json', newer, older), newer);
  const a = Buffer.from('a');
  const b = Buffer.from('b');
  assert.equal(resolveShared('entries/x.json', a, b), resolveShared('entries/x.json', b, a));
});

test('an incoming older presence never replaces a newer local one; a newer one does; stale ones are not active', async () => {
  const dir = path.join(tmp, 'apply');
  writePresence(dir, { actor: 'bob', at: '2026-12-02T09:05:00.000Z' });
  await applyIncoming(dir, new Map([['presence/bob.json', p('bob', '2026-12-02T09:00:00.000Z')]]));
  assert.equal(readPresence(dir, new Date('2026-12-02T09:06:00.000Z'), 120_000)[0].at, '2026-12-02T09:05:00.000Z');
  await applyIncoming(dir, new Map([['presence/bob.json', p('bob', '2026-12-02T09:10:00.000Z')], ['presence/cy.json', p('cy', '2026-12-02T08:00:00.000Z')]]));
  const active = readPresence(dir, new Date('2026-12-02T09:11:00.000Z'), 120_000);
  assert.deepEqual(active.map((x) => `${x.actor}@${x.at}`), ['bob@2026-12-02T09:10:00.000Z']);
});
