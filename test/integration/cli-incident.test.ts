import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Incident, TimelineEntry } from '../../src/core/incident/types';
import { builtCli } from '../harness/builtCli';

const repo = path.resolve(__dirname, '../..');
let cli = '';
let cleanupCli = (): void => undefined;
const fixtures = path.join(repo, 'test/fixtures/incidents');
let tmp = '';

function runCli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: tmp, encoding: 'utf8', timeout: 20_000, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const ok = (args: string[], input?: string): string => {
  const r = runCli(args, input);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const timeline = (dir: string): TimelineEntry[] =>
  fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry).filter((e) => e.status !== 'started');

before(async () => {
  ({ cli, cleanup: cleanupCli } = await builtCli());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cli-incident-'));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  cleanupCli();
});

test('incident start/status/milestone/note/pin/set from the command line', () => {
  const dir = ok(['incident', 'start', 'incidents', '--title', 'Checkout 500s', '--severity', 'P1', '--commander', 'alice']).trim();
  assert.ok(path.isAbsolute(dir));
  assert.match(path.basename(dir), /^\d{4}-\d{2}-\d{2}-\d{4}-checkout-500s$/);
  assert.ok(fs.existsSync(path.join(dir, 'incident.json')));

  ok(['incident', 'milestone', dir, 'detected', '--at', '-10m']);
  ok(['incident', 'milestone', dir, 'acknowledged']);
  assert.equal(ok(['incident', 'status', dir, 'monitoring']), 'Checkout 500s: monitoring (marked mitigated)\n');
  const noteId = ok(['incident', 'note', dir, '-'], 'restarted the pods\nall green').trim();
  ok(['incident', 'pin', dir, noteId]);
  ok(['incident', 'set', dir, '--impact', 'Checkout failed for 4 % of users', '--root-cause', 'stale cache']);

  const incident = JSON.parse(fs.readFileSync(path.join(dir, 'incident.json'), 'utf8')) as Incident;
  assert.equal(incident.status, 'monitoring');
  assert.equal(incident.commander, 'alice');
  assert.equal(incident.impact, 'Checkout failed for 4 % of users');
  const detected = Date.parse(incident.milestones.detected!);
  const started = Date.parse(incident.milestones.started!);
  assert.ok(Math.abs(started - detected - 10 * 60_000) < 5000, 'detected was backdated by 10 minutes');
  assert.ok(incident.milestones.mitigated);

  const entries = timeline(dir);
  const note = entries.find((e) => e.id === noteId)!;
  assert.equal(note.text, 'restarted the pods\nall green');
  assert.equal(entries.at(-2)!.pinOf, noteId);
  assert.deepEqual(entries.filter((e) => e.kind === 'status').map((e) => e.incidentStatus), ['investigating', 'monitoring']);

  const shown = JSON.parse(ok(['incident', 'show', dir, '--json'])) as { durationsMs: Record<string, number | null>; response: { level: string } };
  assert.equal(shown.response.level, 'met');
  assert.equal(shown.durationsMs.resolve, null);
});

test('bad input: one line on stderr, exit 2 (or 1 when the folder is not an incident)', () => {
  const cases: [string[], number, RegExp][] = [
    [['incident', 'start', 'x', '--title', 'T', '--severity', 'P9'], 2, /^runbook-lens incident: --severity must be P0, P1, P2 or P3 \(got 'P9'\)\n$/],
    [['incident', 'status', 'x', 'closed'], 2, /^runbook-lens incident: STATUS must be one of investigating, identified, monitoring, resolved \(got 'closed'\)\n$/],
    [['incident', 'milestone', 'x', 'detected', '--at', 'tomorrow'], 2, /^runbook-lens incident: --at: cannot read "tomorrow" as a time/],
    [['incident', 'frobnicate'], 2, /unknown subcommand 'frobnicate'/],
    [['incident', 'note', path.join(tmp, 'nope'), 'hi'], 1, /^runbook-lens: .*nope\/incident\.json does not exist \(not an incident folder\?\)\n$/],
    [['comms', 'x', 'farewell'], 2, /the message must be initial, update or resolution/],
    [['postmortem'], 2, /missing DIR/],
  ];
  for (const [args, code, stderr] of cases) {
    const r = runCli(args);
    assert.equal(r.code, code, args.join(' '));
    assert.match(r.stderr, stderr);
    assert.equal(r.stderr.split('\n').length, 2, 'a single line');
  }
});

test('postmortem: writes, regenerates while untouched, never overwrites an edited one', () => {
  const dir = path.join(tmp, 'photon');
  fs.cpSync(path.join(fixtures, '2026-10-03-1412-photon-compiler-503'), dir, { recursive: true });
  fs.mkdirSync(path.join(tmp, 'runbooks'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'runbooks', 'incident-response.md'), '# stand-in\n');
  const pm = path.join(dir, 'post-mortem.md');
  assert.equal(ok(['postmortem', dir]), `Wrote ${pm}.\n`);
  const first = fs.readFileSync(pm, 'utf8');
  assert.match(first, /^<!-- runbook-lens:generated sha256=[0-9a-f]{64}/);
  assert.match(first, /\[runbooks\/incident-response\.md:54\]\(\.\.\/runbooks\/incident-response\.md#L54\)/, 'links to the runbook line');
  assert.equal(ok(['postmortem', dir]), `${pm} is already up to date.\n`);

  fs.appendFileSync(path.join(dir, 'timeline.jsonl'), JSON.stringify({ id: 'late', time: '2026-10-03T16:00:00.000Z', kind: 'note', text: 'late note' }) + '\n');
  assert.equal(ok(['postmortem', dir]), `Regenerated ${pm} (it had not been edited).\n`);
  assert.ok(fs.readFileSync(pm, 'utf8').includes('late note'));

  const edited = fs.readFileSync(pm, 'utf8').replace('> ✍️ **To fill in:** What change or event set it off (deployment, config change, traffic, hardware)?', 'The 14:00 deploy.');
  fs.writeFileSync(pm, edited);
  const draft = path.join(dir, 'post-mortem.draft-1.md');
  assert.equal(ok(['postmortem', dir]), `${pm} was edited by hand and is kept as it is; the new draft is ${draft}.\n`);
  assert.equal(fs.readFileSync(pm, 'utf8'), edited, 'the edited post-mortem is untouched');
  assert.ok(fs.existsSync(draft));
  ok(['postmortem', dir]);
  assert.ok(!fs.existsSync(path.join(dir, 'post-mortem.draft-2.md')), 'an unedited draft is reused');
});

test('comms prints the filled template; --record appends a notification entry', () => {
  const dir = path.join(tmp, 'photon-comms');
  fs.cpSync(path.join(fixtures, '2026-10-03-1412-photon-compiler-503'), dir, { recursive: true });
  const text = ok(['comms', dir, 'resolution', '--record']);
  assert.match(text, /^✅ INCIDENT RESOLVED - 2026-10-03 15:32 UTC\nphoton-compiler returns 503 \(P1\)\n\nDuration: 1 h 30 min\n/);
  const last = timeline(dir).at(-1)!;
  assert.equal(last.kind, 'notification');
  assert.equal(last.channel, 'manual');
  assert.equal(last.text, text);
});

test('metrics --json over the recorded incidents', () => {
  const report = JSON.parse(ok(['metrics', fixtures, '--json'])) as {
    incidents: unknown[]; overall: { resolve: { meanMs: number; medianMs: number } }; repeat: { rate: number }; problems: string[];
  };
  assert.equal(report.incidents.length, 6);
  assert.deepEqual(report.overall.resolve, { n: 5, meanMs: 371 * 60_000, medianMs: 75 * 60_000 });
  assert.equal(report.repeat.rate, 2 / 6);
  assert.deepEqual(report.problems, []);
  const text = ok(['metrics', fixtures]);
  assert.match(text, /Repeat rate: 33\.3 % \(2 of 6 incidents/);
  assert.match(text, /^all +6 +12 min \/ 6 min +8 min \/ 3 min +35 min \/ 30 min +6 h 11 min \/ 1 h 15 min$/m);
});
