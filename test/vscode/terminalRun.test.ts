import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readTimeline, runBlock, startIncident, workspaceUri } from './support';

describe('a block that needs a TTY runs in the integrated terminal', () => {
  let incident: string;
  before(async () => {
    incident = await startIncident('extension-host suite: terminal');
  });

  it('interactive=true: ▶ Run opens a terminal, and shell integration hands back the exit code and output', async () => {
    const entry = await runBlock(workspaceUri('fixtures/terminal.md'), 1);
    assert.ok(entry, 'the run returns its timeline entry');
    assert.equal(entry.terminal, true, 'recorded as a terminal run');
    assert.ok(vscode.window.terminals.some((t) => t.name.startsWith('Runbook Lens · block 1')), 'a Runbook Lens terminal was opened');
    assert.equal(entry.exitCode, 3, `exit code from shell integration (status ${entry.status}, output ${JSON.stringify(entry.output)})`);
    assert.equal(entry.status, 'failed');
    assert.match(entry.output ?? '', /from the integrated terminal/);
    const recorded = readTimeline(incident).find((e) => e.id === entry.id);
    assert.ok(recorded, 'the entry is in timeline.jsonl');
    assert.match(fs.readFileSync(path.join(incident, entry.outputFile!), 'utf8'), /from the integrated terminal/);
  });
});
