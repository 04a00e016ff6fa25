import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { markMilestone, setStatus, startIncident } from '../../../../src/core/incident/lifecycle';
import { readIncident } from '../../../../src/core/incident/incidentStore';
import { readTimeline } from '../../../../src/core/incident/timeline';
import { impactStart, incidentDurations } from '../../../../src/core/incident/incidentDurations';
import { computeMetrics } from '../../../../src/core/incident/metrics';
import { renderPostmortem } from '../../../../src/core/incident/postmortem';
import { composeMessage } from '../../../../src/core/incident/comms';
import { statusLine } from '../../../../src/core/incident/statusLine';
import { DEFAULT_RESPONSE_TARGETS } from '../../../../src/core/incident/responseTargets';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-impact-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const MIN = 60_000;
const t0 = new Date('2026-11-27T10:00:00Z');
const at = (min: number): Date => new Date(t0.getTime() + min * MIN);

test('Start Incident with a start of impact: `started` is dated then, the declaration is `createdAt`', async () => {
  const { dir, incident } = await startIncident(tmp, { title: 'impact asked', severity: 'P1', impactStart: at(-15) }, { now: t0 });
  assert.equal(incident.createdAt, t0.toISOString());
  assert.equal(incident.milestones.started, at(-15).toISOString());
  const started = (await readTimeline(dir)).entries.find((e) => e.milestone === 'started')!;
  assert.equal(started.time, at(-15).toISOString(), 'the timeline shows it where the impact began');
  assert.equal(started.recordedAt, t0.toISOString());
  assert.match(started.text ?? '', /start of impact; declared 2026-11-27T10:00:00.000Z/);
  await assert.rejects(startIncident(tmp, { title: 'future', severity: 'P1', impactStart: at(30) }, { now: t0 }), /is in the future/);
});

test('the issue\'s incident: declared at 10:00, detected 18 min before, mitigated 9 min after the click', async () => {
  const { dir } = await startIncident(tmp, { title: 'declared late', severity: 'P0' }, { now: t0 });
  const detected = await markMilestone(dir, 'detected', at(-18), { now: at(1) });
  assert.deepEqual(detected.warnings, [], 'no warning: the impact had begun by the alert');
  await markMilestone(dir, 'acknowledged', at(2), { now: at(2) });
  await setStatus(dir, 'monitoring', { now: at(9) });
  await setStatus(dir, 'resolved', { now: at(30) });
  const incident = await readIncident(dir);
  assert.equal(impactStart(incident), at(-18).toISOString());
  assert.deepEqual(incidentDurations(incident), { detect: 0, acknowledge: 20 * MIN, mitigate: 27 * MIN, resolve: 48 * MIN });
  const row = computeMetrics([{ dir: 'x', incident, entries: [] }]).incidents[0];
  assert.equal(row.started, at(-18).toISOString());
  assert.deepEqual(row.durationsMs, { detect: 0, acknowledge: 20 * MIN, mitigate: 27 * MIN, resolve: 48 * MIN });

  const pm = renderPostmortem({ incident, entries: (await readTimeline(dir)).entries, incidentDir: dir });
  const metrics = pm.slice(pm.indexOf('## Metrics'), pm.indexOf('## Evidence appendix'));
  assert.doesNotMatch(metrics, /—/, metrics);
  assert.match(metrics, /\| Time to detect \| started 2026-11-27 09:42:00 UTC \| detected 2026-11-27 09:42:00 UTC \| 0 s \|/);
  assert.match(metrics, /\| Time to mitigate \| started 2026-11-27 09:42:00 UTC \| mitigated 2026-11-27 10:09:00 UTC \| 27 min \|/);
  assert.match(pm, /Mitigated 2026-11-27 10:09:00 UTC \(27 min after the start of impact\)/);
  const message = composeMessage('resolution', { incident, entries: [], now: at(31), updateIntervalMs: 0 });
  assert.match(message, /Duration: 48 min/);
});

test('milestones still out of order after that are warned about', async () => {
  const { dir } = await startIncident(tmp, { title: 'order', severity: 'P2' }, { now: t0 });
  await markMilestone(dir, 'detected', at(5), { now: at(5) });
  const r = await markMilestone(dir, 'acknowledged', at(3), { now: at(6) });
  assert.deepEqual(r.warnings, ['acknowledged (2026-11-27T10:03:00.000Z) is before detected (2026-11-27T10:05:00.000Z)']);
});

test('the status-bar clock counts from the start of impact before and after acknowledgement, and stops at resolution', () => {
  const base = { id: 'x', title: 'clock', severity: 'P0' as const, status: 'investigating' as const, createdAt: at(0).toISOString(), target: null };
  const ms = { started: at(-15).toISOString() };
  const line = (incident: object, now: Date) => statusLine({ ...base, milestones: ms, ...incident } as never, DEFAULT_RESPONSE_TARGETS, now);
  // Before detection, the response target counts from the start of impact too.
  assert.equal(line({}, at(0)).text, '$(error) P0 clock · 15:00 · ack overdue since 10:00 UTC');
  const detected = { ...ms, detected: at(-5).toISOString() };
  const waiting = line({ milestones: detected }, at(5));
  assert.equal(waiting.clockMs, 20 * MIN);
  assert.equal(waiting.text, '$(flame) P0 clock · 20:00 · ack by 10:10 UTC');
  const acked = line({ status: 'identified', milestones: { ...detected, acknowledged: at(6).toISOString() } }, at(10));
  assert.equal(acked.clockMs, 25 * MIN, 'the same clock after acknowledgement');
  assert.equal(acked.text, '$(flame) P0 clock · identified · 25:00');
  const resolved = line({ status: 'resolved', milestones: { ...detected, acknowledged: at(6).toISOString(), resolved: at(40).toISOString() } }, at(90));
  assert.equal(resolved.text, '$(pass) P0 clock · resolved · 55:00');
});
