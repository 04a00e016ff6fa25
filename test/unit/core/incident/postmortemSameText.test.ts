/**
 * The post-mortem's exact bytes for fixed timelines, pinned by hash: work on the draft's speed
 * must not change what it says. The hashes were taken from the draft before that work (main at
 * fe3baa5); a change that means to alter the draft updates them, and says why.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { draftPostmortem } from '../../../../src/core/incident/draftPostmortem';
import type { Incident, TimelineEntry } from '../../../../src/core/incident/types';
import { sampleEntries } from '../../../../bench/figures/timelineAppend';
import { HAND_TYPED_SECRETS, VARIED_INCIDENT, variedTimeline } from '../../../support/variedTimeline';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-pm-same-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A workspace holding one of the recorded runbooks (so some rows link to it) and the incident folder. */
function folder(name: string, incident: Incident, lines: string[]): string {
  const ws = path.join(tmp, name);
  fs.mkdirSync(path.join(ws, 'examples'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'examples', 'incident-response.md'), '# Incident Response Runbook\n');
  const dir = path.join(ws, 'incidents', incident.id);
  fs.mkdirSync(path.join(dir, 'outputs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'incident.json'), JSON.stringify(incident, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'timeline.jsonl'), lines.join(''));
  return ws;
}

const jsonl = (entries: TimelineEntry[]): string[] => entries.map((e) => JSON.stringify(e) + '\n');

async function draft(ws: string, id: string): Promise<{ text: string; sha: string; problems: string[] }> {
  const dir = path.join(ws, 'incidents', id);
  const r = await draftPostmortem(dir, { workspaceRoots: [ws] });
  assert.equal(r.action, 'created');
  const text = fs.readFileSync(r.file, 'utf8');
  return { text, sha: createHash('sha256').update(text).digest('hex'), problems: r.problems };
}

test('10,000 varied entries (a corrupt line and a torn last line among them): the same draft, byte for byte, with no hand-typed secret', async () => {
  const name = 'varied-10k';
  const { entries } = variedTimeline(10_000, path.join(tmp, name, 'incidents', VARIED_INCIDENT.id));
  const lines = jsonl(entries);
  lines.splice(4321, 0, '{"id": "broken", \n');
  lines.push('{"id":"torn","time":"2026-11-2');
  const { text, sha, problems } = await draft(folder(name, VARIED_INCIDENT, lines), VARIED_INCIDENT.id);
  assert.deepEqual(problems, ['timeline.jsonl line 4322: not valid JSON; skipped', `timeline.jsonl line ${lines.length}: incomplete last line (a write was interrupted); skipped`]);
  for (const s of HAND_TYPED_SECRETS) assert.ok(!text.includes(s), `${s.slice(0, 6)}… redacted`);
  assert.match(text, /\[REDACTED:/);
  assert.equal(text.length, 2_811_561);
  assert.equal(sha, 'd63843325beb362478fa764f81db3f8721cdbdc33107e66564d1a2d57b013cc3');
});

test('120 varied entries (the full timeline table): the same draft, byte for byte', async () => {
  const name = 'varied-120';
  const incident: Incident = { ...VARIED_INCIDENT, id: '2026-11-27-1000-small', target: null };
  const { entries } = variedTimeline(120, path.join(tmp, name, 'incidents', incident.id), 7);
  const { text, sha } = await draft(folder(name, incident, jsonl(entries)), incident.id);
  assert.equal(text.length, 39_625);
  assert.equal(sha, 'ef5ae0f6a050ea271d36ca4dacd35f39332c4fadd832d4ed96afc80c5d8b697f');
});

test("the benchmark's 10,000 entries: the same draft, byte for byte", async () => {
  const name = 'bench-10k';
  const incident: Incident = { ...VARIED_INCIDENT, id: '2026-11-27-1000-checkout-500s', title: 'Checkout 500s', commander: 'oncall', target: null };
  const { text, sha } = await draft(folder(name, incident, jsonl(sampleEntries(10_000))), incident.id);
  assert.equal(text.length, 2_758_082);
  assert.equal(sha, 'c41b6027ece2e93b99a6f2863ac22051462121c57da4783b7154fd76bd727298');
});
