import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendEntry, foldRunRecords, newEntryId, readTimeline } from '../../../../src/core/incident/timeline';
import { exitText } from '../../../../src/core/incident/entryText';
import { renderEntryMarkdown } from '../../../../src/core/incident/timelineMarkdown';
import { createIncident } from '../../../../src/core/incident/incidentStore';
import type { TimelineEntry } from '../../../../src/core/incident/types';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-timeline-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const appender = path.resolve(__dirname, '../../../fixtures/run/appendEntries.ts');

function note(text: string, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return { id: newEntryId(), time: new Date().toISOString(), kind: 'note', text, ...extra } as TimelineEntry;
}

function freshDir(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function runAppender(dir: string, tag: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', appender, dir, tag, String(count)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`appender ${tag} exited ${code}: ${err}`))));
  });
}

test('entry ids are unique and sort in creation order', () => {
  const ids = Array.from({ length: 2000 }, () => newEntryId());
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids);
  assert.match(ids[0], /^\d{8}T\d{9}Z-[0-9a-z]{2,}-[0-9a-f]{8}$/);
});

test('an entry lands as one JSON line and one Markdown block', async () => {
  const dir = freshDir('roundtrip');
  const entry: TimelineEntry = {
    id: newEntryId(), time: '2026-11-27T21:00:00.000Z', kind: 'command', runbook: 'rb.md', block: 2, line: 10,
    section: ['Ops', 'Check'], command: 'echo "```"', exitCode: 0, signal: null, durationMs: 1200, status: 'ok',
    output: 'has ``` fence\n', outputFile: 'outputs/x.log', truncated: false, redactions: {}, target: null,
  };
  await appendEntry(dir, entry);
  const { entries, problems } = await readTimeline(dir);
  assert.deepEqual(problems, []);
  assert.deepEqual(entries, [entry]);
  const md = fs.readFileSync(path.join(dir, 'timeline.md'), 'utf8');
  assert.match(md, /### 2026-11-27 21:00:00 UTC · ✓ exit 0 · 1\.2 s · block 2 — Check/);
  assert.match(md, new RegExp(`<!-- entry ${entry.id} -->`));
  // Output with a fence inside is wrapped in a longer fence.
  assert.match(md, /````text\nhas ``` fence\n````/);
  assert.equal(fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8'), JSON.stringify(entry) + '\n');
});

test('50 concurrent appends in this process and 4 × 25 from child processes: no line lost or interleaved', async () => {
  const dir = freshDir('concurrent');
  const big = 'x'.repeat(20_000);
  const local = Array.from({ length: 50 }, (_, i) => note(`local ${i}`, { output: big }));
  await Promise.all([
    ...local.map((e) => appendEntry(dir, e)),
    ...['a', 'b', 'c', 'd'].map((tag) => runAppender(dir, tag, 25)),
  ]);
  const { entries, problems } = await readTimeline(dir);
  assert.deepEqual(problems, []);
  assert.equal(entries.length, 150);
  assert.equal(new Set(entries.map((e) => e.id)).size, 150);
  for (const tag of ['a', 'b', 'c', 'd']) {
    const texts = entries.filter((e) => e.actor === tag).map((e) => e.text).sort();
    assert.deepEqual(texts, Array.from({ length: 25 }, (_, i) => `${tag} note ${i}`).sort());
    for (const e of entries.filter((x) => x.actor === tag)) assert.equal(e.output, `${tag} `.repeat(2000));
  }
  assert.deepEqual(entries.filter((e) => !e.actor).map((e) => e.id).sort(), local.map((e) => e.id).sort());
  // timeline.md has the same entries, whole and in the same order as timeline.jsonl (the order
  // written; readTimeline gives them in (time, id) order).
  const md = fs.readFileSync(path.join(dir, 'timeline.md'), 'utf8');
  const mdIds = [...md.matchAll(/<!-- entry (\S+) -->/g)].map((m) => m[1]);
  const fileIds = fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as TimelineEntry).id);
  assert.deepEqual(mdIds, fileIds);
  assert.equal(fs.existsSync(path.join(dir, '.timeline.lock')), false, 'the lock is released');
});

test('a half-written last line is reported and skipped, and the next append is not glued to it', async () => {
  const dir = freshDir('crash');
  const first = note('before the crash');
  await appendEntry(dir, first);
  fs.appendFileSync(path.join(dir, 'timeline.jsonl'), '{"id":"2026","time":"2026-11-27T2');
  let read = await readTimeline(dir);
  assert.deepEqual(read.entries.map((e) => e.id), [first.id]);
  assert.equal(read.problems.length, 1);
  assert.match(read.problems[0], /timeline\.jsonl line 2: incomplete last line/);

  const next = note('after the crash');
  await appendEntry(dir, next);
  read = await readTimeline(dir);
  assert.deepEqual(read.entries.map((e) => e.id), [first.id, next.id]);
  assert.equal(read.problems.length, 1);
  assert.match(read.problems[0], /line 2: not valid JSON/);
});

test('corrupt and foreign lines are reported with their line numbers, the rest is read', async () => {
  const dir = freshDir('corrupt');
  const a = note('a');
  const b = note('b');
  fs.writeFileSync(path.join(dir, 'timeline.jsonl'), [JSON.stringify(a), 'garbage', '[1,2]', '{"id":"x"}', '', JSON.stringify(b), ''].join('\n'));
  const { entries, problems } = await readTimeline(dir);
  assert.deepEqual(entries.map((e) => e.id), [a.id, b.id]);
  assert.equal(problems.length, 3);
  assert.match(problems[0], /line 2: not valid JSON/);
  assert.match(problems[1], /line 3: not a timeline entry/);
  assert.match(problems[2], /line 4: not a timeline entry/);
  assert.deepEqual(await readTimeline(path.join(tmp, 'no-such-incident')), { entries: [], problems: [] });
});

test('hand edits to timeline.md survive later appends', async () => {
  const { dir } = await createIncident(path.join(tmp, 'hand'), { title: 'Hand edits', severity: 'P2' });
  await appendEntry(dir, note('first'));
  const mdPath = path.join(dir, 'timeline.md');
  const edited = fs.readFileSync(mdPath, 'utf8').replace('# Timeline: Hand edits', '# Timeline: Hand edits (renamed by the IC)')
    + '\n> 21:05 IC: customers report 503s, paging the DB team';
  fs.writeFileSync(mdPath, edited);
  await appendEntry(dir, note('second'));
  const md = fs.readFileSync(mdPath, 'utf8');
  assert.ok(md.startsWith(edited + '\n'), 'everything written by hand is still there, unchanged');
  assert.match(md, /paging the DB team\n\n### .* · note\n/);
  assert.equal((await readTimeline(dir)).entries.length, 2);
});

test('an entry without id, time or kind is refused', async () => {
  await assert.rejects(appendEntry(freshDir('bad'), { id: '', time: 'x', kind: 'note' }), /needs id, time and kind/);
});

test('a lock left by a crashed writer does not block the timeline', async () => {
  const dir = freshDir('stale-lock');
  const lock = path.join(dir, '.timeline.lock');
  // The pid of a process that has exited.
  const dead = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('exit', () => resolve(child.pid!));
  });
  fs.writeFileSync(lock, `${dead} ${os.hostname()} deadbeef`);
  const started = Date.now();
  await appendEntry(dir, note('after a crash'));
  assert.ok(Date.now() - started < 2000);
  // A lock from another machine is only broken once it is old.
  fs.writeFileSync(lock, '1 some-other-host cafe');
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(lock, old, old);
  await appendEntry(dir, note('after an old lock'));
  assert.equal((await readTimeline(dir)).entries.length, 2);
  assert.equal(fs.existsSync(lock), false);
});

test('run records: a started entry is dropped once its result names it; an unfinished one stays, as not finished', async () => {
  const dir = freshDir('write-ahead');
  const run = (id: string, extra: Partial<TimelineEntry>): TimelineEntry => ({ id, time: '2026-12-01T10:00:00.000Z', kind: 'command', block: 1, command: 'echo hi', ...extra } as TimelineEntry);
  await appendEntry(dir, run('s1', { status: 'started' }));
  await appendEntry(dir, run('s2', { status: 'started' }));
  await appendEntry(dir, run('r1', { status: 'ok', exitCode: 0, startedEntry: 's1' }));
  const { entries } = await readTimeline(dir);
  // In (time, id) order: all three share one time here, so the ids decide.
  assert.deepEqual(entries.map((e) => [e.id, exitText(e)]), [['r1', 'exit 0'], ['s2', 'started, not finished']]);
  // Union-merged timelines (same entries in another order, duplicates) fold the same way.
  const raw = fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TimelineEntry);
  assert.deepEqual(foldRunRecords([...raw].reverse()).map((e) => e.id).sort(), ['r1', 's2']);
  const md = fs.readFileSync(path.join(dir, 'timeline.md'), 'utf8');
  assert.equal(md.match(/· ▶ started · block 1/g)?.length, 2);
  assert.match(renderEntryMarkdown(run('s3', { status: 'started' })), /if none follows, the run never finished/);
});

test('an entry that timeline.md cannot take is taken out of timeline.jsonl too: both files or neither', async () => {
  const dir = freshDir('both-or-neither');
  await appendEntry(dir, note('first'));
  const before = fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8');
  // A real write error: timeline.md replaced by a folder (EISDIR).
  fs.rmSync(path.join(dir, 'timeline.md'));
  fs.mkdirSync(path.join(dir, 'timeline.md'));
  await assert.rejects(appendEntry(dir, note('second')), /EISDIR/);
  assert.equal(fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8'), before);
});
