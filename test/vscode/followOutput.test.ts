import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runBlock, startIncident, waitFor, workspaceRoot } from './support';

describe('Follow Output', () => {
  const rel = 'follow-output.tmp.md';
  let file: string;
  before(async () => {
    await startIncident('extension-host suite: follow output');
    file = path.join(workspaceRoot(), rel);
    // A few MiB of plain lines, a credential among them, then a last line after a pause.
    fs.writeFileSync(file, '# Follow\n\n```bash\nfor i in $(seq 1 60000); do echo "served request $i status=200"; done\necho "token: ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"\nsleep 1\necho LAST-LINE-OF-THE-RUN\n```\n\n'
      + '```bash\nfor i in $(seq 1 40); do echo "tick $i"; sleep 0.1; done\necho END-OF-TICKS\n```\n');
  });
  after(() => fs.rmSync(file, { force: true }));

  it('opens the running block\'s output file, redacted, and keeps it scrolled to the end as it grows', async function () {
    this.timeout(150_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const startedAt = Date.now();
    const run = runBlock(vscode.Uri.file(file), 1);
    // Entry ids start with their UTC time: an output file of an earlier run (another suite's) is not this one.
    const ofThisRun = (p: string) => {
      const m = /[\\/]outputs[\\/](\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z[^\\/]*\.log$/.exec(p);
      return !!m && Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]) >= startedAt - 5;
    };
    // The output file exists once the block has started; Follow Output opens it.
    const editor = await waitFor('Follow Output to open the output file', async () => {
      await vscode.commands.executeCommand('runbookLens.followOutput');
      return vscode.window.visibleTextEditors.find((e) => ofThisRun(e.document.uri.fsPath));
    }, 20_000);
    const entry = await run;
    assert.ok(entry, 'the run is recorded');
    assert.equal(path.basename(editor.document.uri.fsPath), path.basename(entry.outputFile ?? ''));
    const doc = await waitFor('the editor to show the whole file', () => {
      const d = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === editor.document.uri.fsPath)?.document;
      return d && d.getText().includes('LAST-LINE-OF-THE-RUN') ? d : undefined;
    }, 30_000); // The end of the run announces the change; polling shows growth before it.
    assert.doesNotMatch(doc.getText(), /ghp_A1b2/, 'the file holds the redacted output');
    const shown = await waitFor('the editor to scroll to the last line', () => {
      const e = vscode.window.visibleTextEditors.find((x) => x.document === doc);
      const last = doc.lineCount - 1;
      return e && e.visibleRanges.some((r) => r.end.line >= last - 1) ? e : undefined;
    }, 30_000);
    assert.ok(shown.visibleRanges[0].start.line > 1000, `scrolled down (first visible line ${shown.visibleRanges[0].start.line})`);
    // A record: the editor cannot change it, and the scheme reads run output files only.
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(doc.uri, Buffer.from('edited'))), /read-only|NoPermissions/);
    assert.match(fs.readFileSync(doc.uri.fsPath, 'utf8'), /LAST-LINE-OF-THE-RUN/, 'the file on disk is as it was');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(doc.uri.with({ path: '/etc/passwd' }))), /FileNotFound|EntryNotFound|not found/i);
  });

  it('stops scrolling while the cursor is moved up to read, and still shows the end of the run', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const run = runBlock(vscode.Uri.file(file), 2);
    const editor = await waitFor('Follow Output to open the second block\'s output', async () => {
      await vscode.commands.executeCommand('runbookLens.followOutput');
      return vscode.window.visibleTextEditors.find((e) => /[\\/]outputs[\\/]/.test(e.document.uri.fsPath) && e.document.getText().includes('tick 1\n'));
    }, 20_000);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const grown = await waitFor('the file to grow in the editor', () => (editor.document.getText().includes('tick 10\n') ? editor.document : undefined), 20_000);
    assert.equal(editor.selection.active.line, 0, 'the cursor stays where the reader put it');
    await run;
    await waitFor('the last line of the run', () => (grown.getText().includes('END-OF-TICKS') ? true : undefined), 10_000);
    assert.equal(editor.selection.active.line, 0, 'still where the reader put it');
  });
});
