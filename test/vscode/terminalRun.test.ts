import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lensTitles, openRunbook, readTimeline, runBlock, startIncident, waitFor, workspaceUri } from './support';

describe('a block that needs a TTY runs in the integrated terminal', () => {
  let incident: string;
  before(async () => {
    incident = await startIncident('extension-host suite: terminal');
  });

  it('interactive=true: ▶ Run opens a terminal, and shell integration hands back the exit code and output', async () => {
    const entry = await runBlock(workspaceUri('fixtures/terminal.md'), 1);
    assert.ok(entry, 'the run returns its timeline entry');
    assert.equal(entry.terminal, true, 'recorded as a terminal run');
    assert.ok(vscode.window.terminals.some((t) => t.name.startsWith('Runbook Lens · Needs a terminal')), 'a Runbook Lens terminal was opened');
    assert.equal(entry.exitCode, 3, `exit code from shell integration (status ${entry.status}, output ${JSON.stringify(entry.output)})`);
    assert.equal(entry.status, 'failed');
    assert.match(entry.output ?? '', /from the integrated terminal/);
    const recorded = readTimeline(incident).find((e) => e.id === entry.id);
    assert.ok(recorded, 'the entry is in timeline.jsonl');
    assert.match(fs.readFileSync(path.join(incident, entry.outputFile!), 'utf8'), /from the integrated terminal/);
  });

  it('while it runs the lens offers ■ Stop; Stop interrupts it (Ctrl-C) and the entry says stopped', async () => {
    const uri = workspaceUri('fixtures/terminal.md');
    await openRunbook('fixtures/terminal.md');
    let started = false;
    const sub = vscode.window.onDidStartTerminalShellExecution((e) => { if (e.terminal.name.startsWith('Runbook Lens · Waits in the terminal')) started = true; });
    const run = runBlock(uri, 2);
    const stop = await waitFor('■ Stop on the terminal block', async () => (await lensTitles(uri)).find((l) => l.title.startsWith('■ Stop') && l.line === 11), 20_000);
    await waitFor('the block to start in the terminal', () => started || undefined, 20_000);
    sub.dispose();
    await new Promise((r) => setTimeout(r, 1000));
    await vscode.commands.executeCommand(stop.command!.command, ...(stop.command!.arguments ?? []));
    const entry = await run;
    assert.ok(entry);
    assert.equal(entry.status, 'stopped', `status ${entry.status}, exit ${entry.exitCode}`);
    assert.match(entry.output ?? '', /waiting in the terminal/);
    const after = await lensTitles(uri);
    assert.ok(!after.some((l) => l.title.startsWith('■ Stop')), 'no ■ Stop once it ended');
  });
});
