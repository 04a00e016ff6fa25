import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lensTitles, openRunbook, readTimeline, runBlock, startIncident, withErrorMessages, withSettings, workspaceUri } from './support';

describe('running a block through the command', () => {
  let incident: string;
  before(async () => {
    incident = await startIncident('extension-host suite: run');
  });

  it('runs a harmless block and returns its timeline entry', async () => {
    const entry = await runBlock(workspaceUri('fixtures/runs.md'), 1);
    assert.ok(entry, 'runBlock returns the entry');
    assert.equal(entry.kind, 'command');
    assert.equal(entry.exitCode, 0);
    assert.equal(entry.status, 'ok');
    assert.equal(entry.block, 1);
    assert.equal(entry.line, 7);
    assert.match(entry.command ?? '', /echo "hello from block one"/);
    assert.match(entry.output ?? '', /hello from block one/);
  });

  it('writes timeline.jsonl, timeline.md and outputs/<id>.log in the incident folder', async () => {
    const entry = await runBlock(workspaceUri('fixtures/runs.md'), 1);
    assert.ok(entry);
    const jsonl = readTimeline(incident);
    const recorded = jsonl.find((e) => e.id === entry.id);
    assert.ok(recorded, 'the entry is in timeline.jsonl');
    assert.equal(recorded.runbook, 'fixtures/runs.md');
    assert.equal(recorded.exitCode, 0);
    const md = fs.readFileSync(path.join(incident, 'timeline.md'), 'utf8');
    assert.match(md, /hello from block one/);
    const log = path.join(incident, 'outputs', `${entry.id}.log`);
    assert.ok(fs.existsSync(log), `${log} exists`);
    assert.match(fs.readFileSync(log, 'utf8'), /hello from block one/);
  });

  it('records a failing block with its exit code and shows the result lens', async () => {
    const uri = workspaceUri('fixtures/runs.md');
    const entry = await runBlock(uri, 2);
    assert.ok(entry);
    assert.equal(entry.exitCode, 3);
    assert.equal(entry.status, 'failed');
    assert.match(entry.output ?? '', /about to fail/);
    await openRunbook('fixtures/runs.md');
    const lenses = await lensTitles(uri);
    const result = lenses.find((l) => l.line === 13 && /^✗ 3 · /.test(l.title));
    assert.ok(result, `a ✗ 3 result lens on the fence; got ${lenses.map((l) => `${l.line}:${l.title}`).join(' | ')}`);
    const ok = lenses.find((l) => l.line === 6 && /^✓ 0 · /.test(l.title));
    assert.ok(ok, 'a ✓ 0 result lens on the first block');
  });

  it('a block whose earlier commands failed is ✗ with the count, never ✓, though bash returned 0', async () => {
    const uri = workspaceUri('fixtures/failing-steps.md');
    const entry = await runBlock(uri, 1);
    assert.ok(entry);
    assert.deepEqual([entry.exitCode, entry.status, entry.failedSteps, entry.failedLine], [0, 'failed', 2, 10]);
    await openRunbook('fixtures/failing-steps.md');
    const titles = (await lensTitles(uri)).map((l) => l.title);
    assert.ok(titles.some((t) => /^✗ 0 · 2 commands failed · /.test(t)), titles.join(' | '));
    assert.ok(!titles.some((t) => t.includes('✓')), titles.join(' | '));
  });

  it('a block that cannot start says why in a notification', async () => {
    const entry = await withSettings({ shell: '/nonexistent/rl-shell' }, () =>
      withErrorMessages(async (messages) => {
        const e = await runBlock(workspaceUri('fixtures/runs.md'), 1);
        assert.ok(messages.some((m) => /did not start: cannot start \/nonexistent\/rl-shell: no such program/.test(m)), messages.join(' | '));
        return e;
      }));
    assert.ok(entry);
    assert.equal(entry.exitCode, null);
    assert.match(entry.error ?? '', /no such program/);
  });
});
