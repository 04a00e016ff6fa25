// Typed, versioned timeline entries: appendEntry stamps the schema version, entries from before
// versions existed (no `v`) still read, and fields a newer writer added survive a read and a write.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendEntry, entryVersion, newEntryId, readTimeline } from '../../../../src/core/incident/timeline';
import { ENTRY_SCHEMA_VERSION, type TimelineEntry } from '../../../../src/core/incident/types';
import { readIncident } from '../../../../src/core/incident/incidentStore';
import { addNote, setSeverity } from '../../../../src/core/incident/lifecycle';
import { applyIncoming, shareableFiles } from '../../../../src/core/team/incidentShare';
import { FIXTURE_ROOT } from '../../../support/incidentFixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-schema-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function copyFixture(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(FIXTURE_ROOT, name), dir, { recursive: true });
  return dir;
}

test('appendEntry stamps the schema version; a builder does not have to', async () => {
  const dir = path.join(tmp, 'stamp');
  const e: TimelineEntry = { id: newEntryId(), time: new Date().toISOString(), kind: 'note', text: 'hello' };
  await appendEntry(dir, e);
  const line = JSON.parse(fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').trim());
  assert.equal(line.v, ENTRY_SCHEMA_VERSION);
  assert.equal((await readTimeline(dir)).entries[0].v, ENTRY_SCHEMA_VERSION);
});

test('entries without v are version 1, and every fixture folder (all written before versions) still reads', async () => {
  for (const name of fs.readdirSync(FIXTURE_ROOT)) {
    const dir = path.join(FIXTURE_ROOT, name);
    const { entries, problems } = await readTimeline(dir);
    assert.deepEqual(problems, [], name);
    assert.ok(entries.length > 0, name);
    assert.ok(entries.every((e) => e.v === undefined && entryVersion(e) === 1), name);
    // The state folded from those old entries over incident.json is what incident.json says.
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'incident.json'), 'utf8'));
    assert.deepEqual(await readIncident(dir), stored, name);
  }
});

test('a newer writer\'s entry keeps its version and unknown fields through a read, a share and a teammate\'s write', async () => {
  const dir = path.join(tmp, 'newer');
  const future = { id: newEntryId(), time: new Date().toISOString(), kind: 'note', v: 7, text: 'from the future', hologram: { depth: 3, tags: ['a'] } };
  await appendEntry(dir, future as unknown as TimelineEntry);
  const read = (await readTimeline(dir)).entries[0] as unknown as Record<string, unknown>;
  assert.equal(read.v, 7, 'its own version, not ours');
  assert.deepEqual(read.hologram, { depth: 3, tags: ['a'] });
  // Shared, then written by a teammate's replica: the same bytes, unknown fields and all.
  const other = path.join(tmp, 'newer-teammate');
  await applyIncoming(other, shareableFiles(dir, { maxSharedOutputBytes: 1 << 20 }));
  assert.equal(fs.readFileSync(path.join(other, 'timeline.jsonl'), 'utf8'), fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8'));
  assert.deepEqual((await readTimeline(other)).entries[0], read);
});

test('unknown kinds and unknown incident.json fields from a newer version are kept, not dropped, when the state is rewritten', async () => {
  const dir = copyFixture('2026-10-28-1555-db-failover');
  const file = path.join(dir, 'incident.json');
  fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), warRoom: { url: 'https://chat.example.test/r/1' } }));
  await appendEntry(dir, { id: newEntryId(), time: new Date().toISOString(), kind: 'escalation', v: 9, to: 'vp' } as unknown as TimelineEntry);
  await setSeverity(dir, 'P1', { actor: 'erin' });
  const rewritten = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(rewritten.severity, 'P1');
  assert.deepEqual(rewritten.warRoom, { url: 'https://chat.example.test/r/1' }, 'unknown incident field kept');
  const kinds = (await readTimeline(dir)).entries.map((e) => e.kind as string);
  assert.ok(kinds.includes('escalation'), 'unknown kind kept in the timeline');
  await addNote(dir, 'still writable');
  assert.equal((await readIncident(dir)).severity, 'P1');
});
