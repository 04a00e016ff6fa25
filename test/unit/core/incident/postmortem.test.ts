import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { renderPostmortem, PROMPT_MARK } from '../../../../src/core/incident/postmortem';
import { loadFixture, PHOTON } from '../../../support/incidentFixtures';

const fx = loadFixture(PHOTON);
const md = renderPostmortem({ incident: fx.incident, entries: fx.entries, incidentDir: fx.dir });

function section(name: string): string {
  const start = md.indexOf(`\n## ${name}\n`);
  assert.ok(start >= 0, `section ${name} missing`);
  const end = md.indexOf('\n## ', start + 4);
  return md.slice(start, end < 0 ? undefined : end);
}

test('has every section the README lists, in order', () => {
  const names = ['Summary', 'Impact', 'Detection', 'Trigger', 'Root cause', 'Contributing factors', 'Mitigation and resolution',
    'Key moments (pinned)', 'Failed steps', 'Timeline (UTC)', 'What went well', 'What went badly', 'Where we got lucky', 'Action items', 'Metrics', 'Evidence appendix'];
  let last = -1;
  for (const n of names) {
    const at = md.indexOf(`\n## ${n}\n`);
    assert.ok(at > last, `${n} out of order or missing`);
    last = at;
  }
  assert.match(md, /^# Post-mortem: photon-compiler returns 503\n/);
  assert.match(md, /\| Severity \| P1 \|/);
  assert.match(md, /\| Impact started \| 2026-10-03 14:02:00 UTC \|/);
  assert.match(md, /\| Duration \| 1 h 30 min \|/);
});

test('metrics table: durations hand-computed from the milestones', () => {
  const m = section('Metrics');
  assert.match(m, /\| Time to detect \| started 2026-10-03 14:02:00 UTC \| detected 2026-10-03 14:09:00 UTC \| 7 min \|/);
  assert.match(m, /\| Time to acknowledge \| detected 2026-10-03 14:09:00 UTC \| acknowledged 2026-10-03 14:21:00 UTC \| 12 min \|/);
  // 14:02:00 → 14:48:30 is 46.5 minutes: durations show whole minutes, rounded down
  assert.match(m, /\| Time to mitigate \| .* \| 46 min \|/);
  assert.match(m, /\| Time to resolve \| .* \| 1 h 30 min \|/);
  assert.match(m, /Response target \(P1\): 1 h; acknowledged 12 min after detection \(met\)/);
});

test('failed steps: the exit-1 rollout history and the killed log follow, with links to outputs', () => {
  const f = section('Failed steps');
  const rows = f.split('\n').filter((l) => l.startsWith('| 2026'));
  assert.equal(rows.length, 2);
  assert.match(rows[0], /runbooks\/incident-response\.md:54 .* `kubectl rollout history deployment\/photon-compilr -n photon-mlir` \| exit 1 \| \[output\]\(outputs\/e05\.log\)/);
  assert.match(rows[1], /killed by SIGTERM \| \[output\]\(outputs\/e15\.log\)/);
});

test('timeline table: UTC dates, time order (backdated milestones first), pin markers hidden, pinned flagged', () => {
  const t = section('Timeline (UTC)');
  const rows = t.split('\n').filter((l) => l.startsWith('| 2026'));
  assert.equal(rows.length, 17, '18 entries minus the pin marker');
  assert.match(rows[0], /^\| 2026-10-03 14:02:00 UTC \| Milestone: started \(backdated\) \| alice \|/);
  assert.match(rows[1], /^\| 2026-10-03 14:09:00 UTC \| Milestone: detected/);
  assert.match(rows[2], /^\| 2026-10-03 14:12:00 UTC \| Status: investigating \|/);
  assert.ok(rows.some((r) => /📌 Ran “Service Recovery” \(exit 0\)/.test(r)));
  assert.ok(rows.some((r) => r.includes('Pods OOMKilled since the 14:00 deploy \\| memory limit is 512Mi')), 'pipes in notes are escaped');
  assert.ok(!t.includes('Pinned e10'));
});

test('pinned entries are featured with command, output and link', () => {
  const k = section('Key moments (pinned)');
  assert.match(k, /### 2026-10-03 14:40:00 UTC — Ran “Service Recovery”/);
  assert.match(k, /```sh\nkubectl rollout undo deployment\/photon-compiler -n photon-mlir\n```/);
  assert.match(k, /deployment\.apps\/photon-compiler rolled back/);
  assert.match(k, /\[output\]\(outputs\/e10\.log\)/);
});

test('evidence appendix lists all 5 commands with exit codes; facts from incident.json, judgement as prompts', () => {
  const ev = section('Evidence appendix');
  assert.equal(ev.split('\n').filter((l) => /^\| \d+ \|/.test(l)).length, 5);
  assert.match(section('Summary'), /P1 incident, resolved 1 h 30 min after it started; 5 commands run \(2 failed\), 1 note, 2 messages sent\./);
  assert.match(section('Impact'), /All compilation requests in eu-west failed/);
  assert.match(section('Root cause'), /OOMKilled/);
  for (const s of ['Trigger', 'Contributing factors', 'What went well', 'What went badly', 'Where we got lucky']) {
    assert.ok(section(s).includes(PROMPT_MARK), `${s} has a prompt`);
  }
  const a = section('Action items');
  assert.match(a, /### Immediate \(complete within 24 hours\)\n\n- \[ \] /);
  assert.match(a, /### Short-term \(complete within 1 week\)/);
  assert.match(a, /### Long-term \(complete within 1 month\)/);
});

test('large timelines keep only notable commands in the table', () => {
  const many = Array.from({ length: 300 }, (_, i) => ({
    id: `r${i}`, time: new Date(Date.parse('2026-10-03T16:00:00Z') + i * 1000).toISOString(), kind: 'command' as const,
    command: `echo ${i}`, exitCode: i === 150 ? 3 : 0, durationMs: 5,
  }));
  const big = renderPostmortem({ incident: fx.incident, entries: [...fx.entries, ...many], incidentDir: fx.dir });
  const t = big.slice(big.indexOf('## Timeline (UTC)'), big.indexOf('## What went well'));
  assert.match(t, /301 successful commands are left out of this table/);
  assert.ok(t.includes('`echo 150` (exit 3)'));
});

test('a block whose last command succeeded after failed ones is a failed step, never "exit 0" alone; an unfinished run is listed too', () => {
  const stepFailed = {
    id: 'step-failed', time: '2026-10-03T14:30:00.000Z', kind: 'command' as const, runbook: 'runbooks/incident-response.md', block: 9, line: 296,
    command: 'kubectl exec -it deployment/photon-compiler -- nc -zv postgres-service 5432\necho done', exitCode: 0, status: 'failed' as const,
    failedSteps: 2, failedLine: 298, failedExitCode: 1, failedCommand: 'kubectl exec -it deployment/photon-compiler -- nc -zv postgres-service 5432',
  };
  const unfinished = { id: 'never-ended', time: '2026-10-03T14:31:00.000Z', kind: 'command' as const, block: 10, command: 'sleep 600', status: 'started' as const };
  const out = renderPostmortem({ incident: fx.incident, entries: [...fx.entries, stepFailed, unfinished], incidentDir: fx.dir });
  const failed = out.slice(out.indexOf('\n## Failed steps\n'), out.indexOf('\n## Timeline (UTC)\n'));
  assert.match(failed, /\| exit 0, 2 failed commands \(first: line 298, exit 1\) \|/);
  assert.match(failed, /sleep 600.*\| started, not finished \|/);
  assert.match(out, /\(\d+ failed, 1 started and never finished\)/);
});
