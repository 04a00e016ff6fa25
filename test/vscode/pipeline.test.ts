// Every run of the editor goes through the one pipeline (src/core/run): a terminal run records
// like a pipe run, and what a block prints reaches the Output channel, VS Code's log files and
// the terminal capture only redacted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunbookLensApi } from '../../src/extension/extension';
import { EXTENSION_ID, readTimeline, runBlock, startIncident, waitFor, workspaceRoot, workspaceUri } from './support';

const SECRETS = [
  `ghp_${'x7Kq'.repeat(9)}`,
  'Hunter2-zq81-Vb',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzcmUifQ.c2lnbmF0dXJlLXBpcGVsaW5l',
  'Literal-9xQ2-pw',
];

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : [p];
  });
}

/** Every log file of this window: the extension host's, and the Output channels VS Code keeps on disk. */
function logText(api: RunbookLensApi): { file: string; text: string }[] {
  const extLogs = path.dirname(api.services.context.logUri.fsPath);
  // The window's folder holds the extension host's folder and the output_* folders of the channels.
  return files(path.dirname(extLogs)).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

describe('one run pipeline: terminal runs and redacted live output', () => {
  let incident: string;
  let api: RunbookLensApi;
  before(async () => {
    incident = await startIncident('extension-host suite: pipeline');
    api = vscode.extensions.getExtension<RunbookLensApi>(EXTENSION_ID)!.exports;
  });

  it('a terminal run honours cwd, writes its output file 0600 and records the same fields as a pipe run', async () => {
    const uri = workspaceUri('fixtures/pipeline.md');
    const terminal = await runBlock(uri, 1);
    const pipe = await runBlock(uri, 2);
    assert.ok(terminal && pipe, 'both runs return their entries');
    assert.equal(terminal.terminal, true);
    assert.equal(terminal.status, 'ok', `terminal output ${JSON.stringify(terminal.output)}`);
    // cwd=".." is relative to the runbook's folder (fixtures/): the workspace root.
    const root = fs.realpathSync(workspaceRoot());
    assert.match(terminal.output ?? '', new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    assert.match(pipe.output ?? '', new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    for (const e of [terminal, pipe]) {
      const file = path.join(incident, e.outputFile!);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600, `${e.outputFile} is owner-only`);
      assert.match(e.outputFile!, /^outputs\/[^/\\]+\.log$/, 'a posix path inside the incident');
      assert.ok(e.actor && e.actor.trim(), 'a non-empty actor');
    }
    const keys = (e: object) => Object.keys(e).filter((k) => k !== 'terminal').sort();
    assert.deepEqual(keys(terminal), keys(pipe), 'the same fields');
    const recorded = readTimeline(incident);
    assert.ok(recorded.some((e) => e.id === terminal.id) && recorded.some((e) => e.id === pipe.id));
  });

  it('a secret printed by a block is in neither the Output channel, the log files, nor the terminal capture', async () => {
    const uri = workspaceUri('fixtures/pipeline.md');
    const pipe = await runBlock(uri, 3);
    const terminal = await runBlock(uri, 4);
    const literal = await runBlock(uri, 5);
    assert.ok(pipe && terminal && literal);
    assert.match(pipe.output ?? '', /pipe secrets printed/);
    assert.match(terminal.output ?? '', /terminal secrets printed/, `terminal output ${JSON.stringify(terminal.output)}`);
    // The Output channel reaches its log file a moment later: wait until the run's last line is there.
    const logs = await waitFor('the Output channel on disk', () => {
      const all = logText(api);
      return all.some((l) => l.text.includes('pipe secrets printed')) && all.some((l) => l.text.includes('literal secret used')) ? all : undefined;
    }, 20_000);
    assert.ok(logs.some((l) => /\[REDACTED:github-token\]/.test(l.text)), 'the channel shows the output, masked');
    for (const s of SECRETS) {
      for (const l of logs) assert.ok(!l.text.includes(s), `${s.slice(0, 8)}… in ${l.file}`);
      for (const e of [pipe, terminal]) {
        assert.ok(!(e.output ?? '').includes(s), `${s.slice(0, 8)}… in the recorded output`);
        assert.ok(!fs.readFileSync(path.join(incident, e.outputFile!), 'utf8').includes(s), `${s.slice(0, 8)}… in ${e.outputFile}`);
      }
    }
  });
});
