import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lensTitles, openRunbook, readTimeline, runBlock, startIncident, workspaceUri } from './support';

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
});
