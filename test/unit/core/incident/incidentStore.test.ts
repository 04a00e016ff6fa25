import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createIncident, ensureIncidentDir, listIncidents, readIncident, slugify, updateIncident } from '../../../../src/core/incident/incidentStore';
import type { Severity } from '../../../../src/core/incident/types';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-incidents-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('createIncident makes <UTC yyyy-mm-dd-HHMM>-<slug>/ with its files', async () => {
  const root = path.join(tmp, 'create');
  const now = new Date('2026-11-27T21:39:05Z');
  const target = { context: 'prod-eu', cluster: 'eu-1', namespace: 'photon-mlir' };
  const { dir, incident } = await createIncident(root, { title: '  Photon compiler: 503s!  ', severity: 'P1', commander: 'alice', target }, now);
  assert.equal(path.basename(dir), '2026-11-27-2139-photon-compiler-503s');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['incident.json', 'outputs', 'timeline.jsonl', 'timeline.md']);
  assert.deepEqual(incident, {
    id: '2026-11-27-2139-photon-compiler-503s', title: 'Photon compiler: 503s!', severity: 'P1', status: 'investigating',
    commander: 'alice', createdAt: now.toISOString(), milestones: { started: now.toISOString() }, target,
  });
  assert.deepEqual(await readIncident(dir), incident);
  assert.match(fs.readFileSync(path.join(dir, 'timeline.md'), 'utf8'), /^<!-- runbook-lens:generated timeline [^\n]*-->\n# Timeline: Photon compiler: 503s!\n/);
  const again = await createIncident(root, { title: 'Photon compiler: 503s!', severity: 'P1' }, now);
  assert.equal(path.basename(again.dir), '2026-11-27-2139-photon-compiler-503s-2');
});

test('slugs are short, ASCII and never empty', () => {
  assert.equal(slugify('Café — DB failover (primary)'), 'cafe-db-failover-primary');
  assert.equal(slugify('!!!'), 'incident');
  assert.ok(slugify('a very long incident title that goes on and on and on forever').length <= 40);
});

test('bad title or severity is refused with a clear message', async () => {
  await assert.rejects(createIncident(path.join(tmp, 'bad'), { title: ' ', severity: 'P1' }), /needs a title/);
  await assert.rejects(createIncident(path.join(tmp, 'bad'), { title: 'x', severity: 'P9' as Severity }), /severity must be one of P0, P1, P2, P3/);
});

test('readIncident names the file when it is missing or not JSON', async () => {
  const dir = path.join(tmp, 'broken');
  fs.mkdirSync(dir);
  await assert.rejects(readIncident(dir), (err: Error) => err.message.includes(path.join(dir, 'incident.json')) && /does not exist/.test(err.message));
  fs.writeFileSync(path.join(dir, 'incident.json'), '{"title": "x",');
  await assert.rejects(readIncident(dir), (err: Error) => err.message.includes(path.join(dir, 'incident.json')) && /not valid JSON/.test(err.message));
});

test('concurrent updates are serialized and atomic: none is lost', async () => {
  const { dir } = await createIncident(path.join(tmp, 'update'), { title: 'Updates', severity: 'P2' });
  await Promise.all(Array.from({ length: 30 }, (_, i) => updateIncident(dir, (inc) => {
    inc.variables = { ...(inc.variables ?? {}), [`k${i}`]: String(i) };
  })));
  const inc = await readIncident(dir);
  assert.equal(Object.keys(inc.variables ?? {}).length, 30);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock')), []);
  const updated = await updateIncident(dir, (i) => { i.status = 'monitoring'; });
  assert.equal(updated.status, 'monitoring');
});

test('ensureIncidentDir creates a missing folder once and never overwrites', async () => {
  const dir = path.join(tmp, 'ensure', 'drill-1');
  const first = await ensureIncidentDir(dir, { title: 'Drill' });
  assert.equal(first.created, true);
  assert.equal(first.incident.title, 'Drill');
  assert.equal(first.incident.severity, 'P3');
  await updateIncident(dir, (i) => { i.severity = 'P0'; });
  const second = await ensureIncidentDir(dir, { title: 'Other' });
  assert.equal(second.created, false);
  assert.equal(second.incident.title, 'Drill');
  assert.equal(second.incident.severity, 'P0');
  const corrupt = path.join(tmp, 'ensure', 'corrupt');
  fs.mkdirSync(corrupt);
  fs.writeFileSync(path.join(corrupt, 'incident.json'), 'not json');
  await assert.rejects(ensureIncidentDir(corrupt), /incident\.json is not valid JSON/);
  assert.equal(fs.readFileSync(path.join(corrupt, 'incident.json'), 'utf8'), 'not json');
});

test('listIncidents: newest first, unreadable ones reported', async () => {
  const root = path.join(tmp, 'list');
  await createIncident(root, { title: 'Older', severity: 'P3' }, new Date('2026-10-01T10:00:00Z'));
  await createIncident(root, { title: 'Newer', severity: 'P1' }, new Date('2026-11-01T10:00:00Z'));
  fs.mkdirSync(path.join(root, 'not-an-incident'));
  fs.mkdirSync(path.join(root, 'broken'));
  fs.writeFileSync(path.join(root, 'broken', 'incident.json'), '[');
  const problems: string[] = [];
  const list = await listIncidents(root, (m) => problems.push(m));
  assert.deepEqual(list.map((l) => l.incident.title), ['Newer', 'Older']);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /broken.incident\.json is not valid JSON/);
  assert.deepEqual(await listIncidents(path.join(tmp, 'none')), []);
});

test('ensureIncidentDir called at once by many writers: one incident, every caller reads it whole', async () => {
  const dir = path.join(tmp, 'race', 'new-incident');
  const results = await Promise.all(Array.from({ length: 12 }, () => ensureIncidentDir(dir, { title: 'Race' })));
  assert.equal(results.filter((r) => r.created).length, 1);
  assert.equal(new Set(results.map((r) => r.incident.createdAt)).size, 1);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});
