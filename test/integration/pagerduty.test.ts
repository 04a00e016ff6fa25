import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sendPagerDutyEvent } from '../../src/core/integrations/pagerdutyEvents';
import { pagerDutyAndRecord } from '../../src/core/integrations/pagerdutyRecord';
import { startIncident } from '../../src/core/incident/lifecycle';
import { readIncident } from '../../src/core/incident/incidentStore';
import { readTimeline } from '../../src/core/incident/timeline';
import { describeEntry } from '../../src/core/incident/entryText';
import { startEventsReceiver, type EventsReceiver } from '../harness/eventsReceiver';
import { freePort } from '../harness/freePort';
import { cliFromSource } from '../harness/cliFromSource';

const KEY = 'R0UTINGKEY0123456789abcdef012345';
let receiver: EventsReceiver;
let root: string;
before(async () => {
  receiver = await startEventsReceiver(KEY);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-pd-'));
});
after(async () => {
  await receiver?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

test('acknowledge and resolve send Events API v2 payloads to /v2/enqueue', async () => {
  receiver.received.length = 0;
  const ack = await sendPagerDutyEvent({ eventsUrl: receiver.url, routingKey: KEY, action: 'acknowledge', dedupKey: 'photon-42' });
  assert.deepEqual(ack, { status: 'success', message: 'Event processed', dedupKey: 'photon-42' });
  await sendPagerDutyEvent({ eventsUrl: `${receiver.url}/`, routingKey: KEY, action: 'resolve', dedupKey: ' photon-42 ' });
  assert.deepEqual(receiver.received.map((r) => r.body), [
    { routing_key: KEY, event_action: 'acknowledge', dedup_key: 'photon-42' },
    { routing_key: KEY, event_action: 'resolve', dedup_key: 'photon-42' },
  ]);
  assert.ok(receiver.received.every((r) => r.path === '/v2/enqueue' && r.contentType.startsWith('application/json')));
});

test('a rejected event shows PagerDuty\'s own message and errors', async () => {
  await assert.rejects(sendPagerDutyEvent({ eventsUrl: receiver.url, routingKey: 'wrong', action: 'acknowledge', dedupKey: 'x' }), (e: Error) => {
    assert.equal(e.message, `PagerDuty at ${receiver.url}: Event object is invalid: Invalid routing key`);
    return true;
  });
  await assert.rejects(sendPagerDutyEvent({ eventsUrl: receiver.url, routingKey: '', action: 'acknowledge', dedupKey: 'x' }), /no routing key/);
  await assert.rejects(sendPagerDutyEvent({ eventsUrl: receiver.url, routingKey: KEY, action: 'resolve', dedupKey: '  ' }), /dedup key .* is required/);
  const port = await freePort();
  await assert.rejects(sendPagerDutyEvent({ eventsUrl: `http://127.0.0.1:${port}`, routingKey: KEY, action: 'resolve', dedupKey: 'x' }),
    new RegExp(`^IntegrationError: cannot reach PagerDuty at http://127\\.0\\.0\\.1:${port}: connection refused`));
});

test('each event is recorded in the timeline and sets the matching milestone once', async () => {
  const { dir } = await startIncident(root, { title: 'Photon 503s', severity: 'P1' });
  const ack = await pagerDutyAndRecord(dir, { eventsUrl: receiver.url, routingKey: KEY, action: 'acknowledge', dedupKey: 'photon-42' }, { actor: 'ana' });
  assert.equal(ack.ok, true);
  assert.equal(ack.milestone?.set, true);
  let incident = await readIncident(dir);
  assert.equal(incident.milestones.acknowledged, ack.entry.time);

  // A second acknowledgement is recorded but keeps the first time.
  const again = await pagerDutyAndRecord(dir, { eventsUrl: receiver.url, routingKey: KEY, action: 'acknowledge', dedupKey: 'photon-42' });
  assert.deepEqual(again.milestone, { name: 'acknowledged', set: false, at: ack.entry.time });

  const failed = await pagerDutyAndRecord(dir, { eventsUrl: receiver.url, routingKey: 'bad', action: 'resolve', dedupKey: 'photon-42' });
  assert.equal(failed.ok, false);
  assert.match(failed.error ?? '', /Invalid routing key/);
  assert.equal((await readIncident(dir)).milestones.resolved, undefined, 'no milestone when PagerDuty refused');

  const resolved = await pagerDutyAndRecord(dir, { eventsUrl: receiver.url, routingKey: KEY, action: 'resolve', dedupKey: 'photon-42' }, { actor: 'ana' });
  incident = await readIncident(dir);
  assert.equal(incident.milestones.resolved, resolved.entry.time);

  const { entries, problems } = await readTimeline(dir);
  assert.deepEqual(problems, []);
  const pd = entries.filter((e) => e.channel === 'pagerduty');
  assert.deepEqual(pd.map((e) => [e.kind, (e.pagerduty as { action: string; status: string }).action, (e.pagerduty as { status: string }).status]), [
    ['notification', 'acknowledge', 'sent'], ['notification', 'acknowledge', 'sent'], ['notification', 'resolve', 'failed'], ['notification', 'resolve', 'sent'],
  ]);
  assert.equal(pd[0].text, 'Acknowledged in PagerDuty (dedup key photon-42): Event processed');
  assert.equal(pd[0].actor, 'ana');
  const milestones = entries.filter((e) => e.kind === 'milestone').map((e) => e.milestone);
  assert.deepEqual(milestones, ['started', 'acknowledged', 'resolved']);
  const md = fs.readFileSync(path.join(dir, 'timeline.md'), 'utf8');
  assert.match(md, /Acknowledged in PagerDuty \(dedup key photon-42\)/);
  assert.ok(!fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').includes(KEY), 'the routing key is never written');
});

test('runbook-lens pagerduty ack|resolve: key from the environment, recorded with --incident', async () => {
  receiver.received.length = 0;
  const env = { RUNBOOK_LENS_PAGERDUTY_KEY: KEY };
  const plain = await cliFromSource(['pagerduty', 'ack', '--dedup-key', 'photon-7', '--events-url', receiver.url], { env });
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, 'PagerDuty acknowledge: success (Event processed), dedup key photon-7\n');
  const incident = path.join(root, 'cli-incident');
  const rec = await cliFromSource(['pagerduty', 'resolve', '--dedup-key', 'photon-7', '--incident', incident], { env: { ...env, RUNBOOK_LENS_PAGERDUTY_EVENTS_URL: receiver.url } });
  assert.equal(rec.code, 0, rec.stderr);
  assert.match(rec.stdout, /^Resolved in PagerDuty \(dedup key photon-7\): Event processed\nrecorded as \S+ in .*; resolved set to \d{4}-/);
  assert.ok((await readIncident(incident)).milestones.resolved);
  assert.deepEqual(receiver.received.map((r) => r.body.event_action), ['acknowledge', 'resolve']);

  const noKey = await cliFromSource(['pagerduty', 'ack', '--dedup-key', 'x', '--events-url', receiver.url], { env: { RUNBOOK_LENS_PAGERDUTY_KEY: '' } });
  assert.equal(noKey.code, 2);
  assert.match(noKey.stderr, /set RUNBOOK_LENS_PAGERDUTY_KEY/);
  const refused = await cliFromSource(['pagerduty', 'ack', '--dedup-key', 'x', '--events-url', receiver.url], { env: { RUNBOOK_LENS_PAGERDUTY_KEY: 'nope' } });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /Event object is invalid: Invalid routing key/);
  const badVerb = await cliFromSource(['pagerduty', 'page', '--dedup-key', 'x'], { env });
  assert.equal(badVerb.code, 2);
});

test('PagerDuty entries read as what happened in timeline lists and the post-mortem', async () => {
  const { dir } = await startIncident(root, { title: 'Describe', severity: 'P3' });
  const out = await pagerDutyAndRecord(dir, { eventsUrl: receiver.url, routingKey: KEY, action: 'acknowledge', dedupKey: 'photon-1' });
  assert.equal(describeEntry(out.entry), 'Acknowledged in PagerDuty (dedup key photon-1): Event processed');
});
