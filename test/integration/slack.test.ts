import { after, before, beforeEach, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { postSlackMessage, SlackPostError } from '../../src/core/integrations/slack';
import { composeMessage } from '../../src/core/incident/comms';
import { startIncident, addNote, setDetails } from '../../src/core/incident/lifecycle';
import { readIncident } from '../../src/core/incident/incidentStore';
import { readTimeline } from '../../src/core/incident/timeline';
import { startSlackReceiver, WEBHOOK_PATH, type SlackReceiver } from '../harness/slackReceiver';
import { builtCli } from '../harness/builtCli';

let receiver: SlackReceiver;
let tmp: string;
before(async () => {
  receiver = await startSlackReceiver();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-slack-'));
});
after(async () => {
  await receiver?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.script.length = 0;
});

const fast = { baseDelayMs: 20 };

test('posts {text} as JSON to the webhook and nothing else', async () => {
  const r = await postSlackMessage(receiver.url, '🚨 INCIDENT: x - P0\nStatus: INVESTIGATING', fast);
  assert.deepEqual(r, { attempts: 1, status: 200 });
  assert.equal(receiver.received.length, 1);
  const req = receiver.received[0];
  assert.equal(req.method, 'POST');
  assert.equal(req.path, WEBHOOK_PATH);
  assert.match(String(req.headers['content-type']), /^application\/json/);
  assert.deepEqual(JSON.parse(req.raw), { text: '🚨 INCIDENT: x - P0\nStatus: INVESTIGATING' });
  assert.equal(req.headers.authorization, undefined);
  assert.equal(req.headers.cookie, undefined);
});

test('429 waits for Retry-After, then succeeds', async () => {
  receiver.script.push({ status: 429, headers: { 'Retry-After': '1' }, body: 'rate_limited' });
  const r = await postSlackMessage(receiver.url, 'hello', fast);
  assert.equal(r.attempts, 2);
  const [a, b] = receiver.received;
  assert.ok(b.at - a.at >= 950, `second attempt ${b.at - a.at} ms after the first; Retry-After said 1 s`);
  assert.equal(a.raw, b.raw, 'the same message is retried');
});

test('5xx retries with growing backoff; gives up after the retries with a clear error', async () => {
  receiver.script.push({ status: 503, body: 'unavailable' }, { status: 500, body: 'oops' });
  const ok = await postSlackMessage(receiver.url, 'hello', fast);
  assert.equal(ok.attempts, 3);
  const gaps = [receiver.received[1].at - receiver.received[0].at, receiver.received[2].at - receiver.received[1].at];
  assert.ok(gaps[0] >= 15 && gaps[1] >= 35, `backoff 20 ms then 40 ms, got ${gaps.join(', ')}`);

  receiver.received.length = 0;
  receiver.script.push(...Array.from({ length: 3 }, () => ({ status: 502, body: 'bad gateway' })));
  await assert.rejects(postSlackMessage(receiver.url, 'hello', { ...fast, retries: 2 }), (e: SlackPostError) => {
    assert.equal(e.message, 'The message was not posted: Slack answered HTTP 502 (bad gateway), after 3 attempts.');
    assert.equal(e.attempts, 3);
    return true;
  });
  assert.equal(receiver.received.length, 3);
});

test('4xx is not retried; errors never contain the webhook URL', async () => {
  receiver.script.push({ status: 404, body: 'no_service' });
  await assert.rejects(postSlackMessage(receiver.url, 'hello', fast), (e: Error) => {
    assert.match(e.message, /^Slack refused the message: HTTP 404 \(no_service\)\./);
    assert.ok(!e.message.includes('s3cr3t') && !e.message.includes('127.0.0.1'));
    return true;
  });
  assert.equal(receiver.received.length, 1);
  // Nobody listening: a network error, still without the URL.
  const closed = await startSlackReceiver();
  await closed.close();
  await assert.rejects(postSlackMessage(closed.url, 'x', { ...fast, retries: 1 }), (e: Error) => {
    assert.match(e.message, /could not reach Slack \(ECONNREFUSED\), after 2 attempts/);
    assert.ok(!e.message.includes('s3cr3t'));
    return true;
  });
  // A Retry-After beyond what we wait for fails at once.
  receiver.script.push({ status: 429, headers: { 'Retry-After': '3600' } });
  await assert.rejects(postSlackMessage(receiver.url, 'x', { ...fast, maxDelayMs: 5000 }), /retry after 3600 s\); that is longer than the 5 s we wait/);
});

test('webhook URLs must be https (plain http only on loopback)', async () => {
  await assert.rejects(postSlackMessage('http://hooks.example.com/services/x', 'x'), /must use https/);
  await assert.rejects(postSlackMessage('not a url', 'x'), /not a valid URL/);
});

test('a composed message carries no secret from the timeline', async () => {
  const { dir } = await startIncident(tmp, { title: 'Token leak drill', severity: 'P0', commander: 'alice' });
  const secret = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
  await addNote(dir, `used token ${secret} to log in`);
  await setDetails(dir, { impact: `login with password=hunter2hunter2 failed` });
  const incident = await readIncident(dir);
  const { entries } = await readTimeline(dir);
  const text = composeMessage('update', { incident, entries, now: new Date(), updateIntervalMs: 0 });
  await postSlackMessage(receiver.url, text, fast);
  const sent = receiver.received[0].raw;
  assert.ok(sent.includes('Token leak drill'));
  assert.ok(!sent.includes(secret), 'the GitHub token was redacted');
  assert.ok(!sent.includes('hunter2hunter2'), 'the password was redacted');
});

test('CLI: comms --post posts through $RUNBOOK_LENS_SLACK_WEBHOOK and records a notification entry', async (t) => {
  const { cli, cleanup } = await builtCli();
  t.after(cleanup);
  const { dir } = await startIncident(tmp, { title: 'CLI post', severity: 'P1', commander: 'bob' });
  receiver.script.push({ status: 503, body: 'try later' });
  // spawn, not spawnSync: the receiver runs in this process and must keep answering.
  const run = (args: string[], env: NodeJS.ProcessEnv) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    p.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const r = await run(['comms', dir, 'initial', '--post'], { RUNBOOK_LENS_SLACK_WEBHOOK: receiver.url });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^🚨 INCIDENT: CLI post - P1\n/);
  assert.match(r.stderr, /posted to Slack after 2 attempts and recorded in the timeline/);
  assert.equal(receiver.received.length, 2);
  assert.equal(JSON.parse(receiver.received[1].raw).text, r.stdout);
  const { entries } = await readTimeline(dir);
  const n = entries.filter((e) => e.kind === 'notification');
  assert.equal(n.length, 1);
  assert.equal(n[0].template, 'initial');
  assert.equal(n[0].channel, 'slack');

  const missing = await run(['comms', dir, 'update', '--post'], { RUNBOOK_LENS_SLACK_WEBHOOK: '' });
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'runbook-lens comms: --post needs the Slack incoming webhook URL in $RUNBOOK_LENS_SLACK_WEBHOOK\n');
  receiver.script.push({ status: 403, body: 'invalid_token' });
  const refused = await run(['comms', dir, 'update', '--post'], { RUNBOOK_LENS_SLACK_WEBHOOK: receiver.url });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /Slack refused the message: HTTP 403 \(invalid_token\)/);
  assert.ok(!refused.stderr.includes('s3cr3t'));
  assert.equal((await readTimeline(dir)).entries.filter((e) => e.kind === 'notification').length, 1, 'a refused message is not recorded as sent');
});
