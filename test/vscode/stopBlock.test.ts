import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lensTitles, openRunbook, readTimeline, runBlock, startIncident, waitFor, workspaceUri } from './support';

describe('Stop', () => {
  it('ends a long block, which is recorded as stopped', async () => {
    const incident = await startIncident('extension-host suite: stop');
    const uri = workspaceUri('fixtures/runs.md');
    await openRunbook('fixtures/runs.md');
    const started = Date.now();
    const running = runBlock(uri, 3); // echo; sleep 30; echo
    // The ■ Stop lens replaces ▶ Run on the fence (line 21) while it runs.
    const stop = await waitFor('the ■ Stop lens', async () => (await lensTitles(uri)).find((l) => l.line === 20 && l.title === '■ Stop'));
    assert.equal(stop.command?.command, 'runbookLens.stopBlock');
    await vscode.commands.executeCommand('runbookLens.stopBlock', uri, 3);
    const entry = await running;
    assert.ok(entry);
    assert.ok(Date.now() - started < 15_000, 'stopped well before the sleep ended');
    assert.equal(entry.status, 'stopped');
    assert.equal(entry.exitCode, null);
    assert.match(entry.output ?? '', /sleeping/);
    assert.doesNotMatch(entry.output ?? '', /woke up/);
    const recorded = readTimeline(incident).find((e) => e.id === entry.id);
    assert.equal(recorded?.status, 'stopped');
    const after = await lensTitles(uri);
    assert.ok(after.some((l) => l.line === 20 && l.title.startsWith('▶ Run')), 'the ▶ Run lens is back');
    assert.ok(!after.some((l) => l.title === '■ Stop'), 'no Stop lens left');
  });
});
