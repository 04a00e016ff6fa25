import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunbookLensApi } from '../../src/extension/extension';
import { appendEntry, newEntryId } from '../../src/core/incident/timeline';
import type { TimelineEntry } from '../../src/core/incident/types';
import type { OutlineNode } from '../../src/extension/authoring/outlineTree';
import { EXTENSION_ID, openRunbook, readTimeline, runBlock, startIncident, waitFor, workspaceUri } from './support';

const FIXTURE = 'fixtures/outline.md';

async function api(): Promise<RunbookLensApi> {
  const ext = vscode.extensions.getExtension<RunbookLensApi>(EXTENSION_ID)!;
  const exports = await ext.activate();
  assert.ok(exports.authoring, 'the authoring API is exposed');
  return exports;
}

/** Every block of the outline as `index: status`, walking the tree as the view does. */
function states(a: RunbookLensApi): Record<string, string> {
  const outline = a.authoring!.outline;
  const out: Record<string, string> = {};
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'block') out[`${n.block.index}`] = String(outline.getTreeItem(n).description);
      else walk(outline.getChildren(n));
    }
  };
  walk(outline.getChildren());
  return out;
}

describe('authoring: diagnostics, outline and run-all', () => {
  let a: RunbookLensApi;
  let incident: string;
  const uri = () => workspaceUri(FIXTURE);

  before(async () => {
    a = await api();
    incident = await startIncident('extension-host suite: authoring');
    await openRunbook(FIXTURE);
  });

  it('lists the runbook\'s flaws in the Problems panel, with a quick fix', async () => {
    const diags = await waitFor('lint diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri()).filter((x) => x.source === 'Runbook Lens');
      return d.length >= 3 ? d : undefined;
    });
    const codes = diags.map((d) => `${d.range.start.line + 1} ${String(d.code)}`).sort();
    assert.deepEqual(codes, ['37 RL003', '41 RL005', '41 RL006']);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(), diags.find((d) => d.code === 'RL003')!.range);
    const fix = actions.find((x) => x.title === 'Label the block `bash`');
    assert.ok(fix?.edit, `a quick fix is offered; got ${actions.map((x) => x.title).join(', ')}`);
    const [[, edits]] = fix.edit.entries();
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.start.character, e.newText]), [[36, 3, 'bash']]);
  });

  it('shows sections and blocks, all not run in a fresh incident', async () => {
    await waitFor('the outline to show the fixture', () => a.authoring!.outline.uri?.toString() === uri().toString() || undefined);
    const top = a.authoring!.outline.getChildren().map((n) => (n.kind === 'section' ? n.section.heading.text : n.block.name));
    assert.deepEqual(top, ['Outline fixture']);
    assert.deepEqual(states(a), { 1: 'not run', 2: 'not run', 3: 'not run', 4: 'not run', 5: 'not run', 6: 'not run' });
  });

  it('Run All stops at the first failure, skips excluded blocks, and the outline shows ok / failed / not run', async () => {
    const summary = await vscode.commands.executeCommand<string>('runbookLens.runAll', uri(), { vars: { who: 'suite' }, onFailure: 'stop' });
    assert.match(summary, /^Run All: 1 ok, 1 failed \(fails, line 11\), 1 not run; skipped excluded, line 24 \(excludeFromRunAll=true\), slow, line 30 \(excludeFromRunAll=true\), /);
    const ran = readTimeline(incident).filter((e) => e.kind === 'command' && e.runbook === FIXTURE).map((e) => `${e.block}:${e.exitCode}`);
    assert.deepEqual(ran, ['1:0', '2:4']);
    assert.deepEqual(states(a), { 1: 'ok', 2: 'failed', 3: 'not run', 4: 'not run', 5: 'not run', 6: 'not run' });
  });

  it('Run Section with onFailure=continue runs on past the failure, placeholders filled from the form values', async () => {
    const check = a.runbooks.get(await vscode.workspace.openTextDocument(uri())).headings.find((h) => h.text === 'Check')!;
    const summary = await vscode.commands.executeCommand<string>('runbookLens.runSection', uri(), check.line, { vars: { who: 'section' }, onFailure: 'continue' });
    assert.match(summary, /^Run Section “Check”: 2 ok, 1 failed \(fails, line 11\)$/);
    const last = readTimeline(incident).filter((e) => e.kind === 'command').at(-1);
    assert.equal(last?.block, 3);
    assert.match(last?.output ?? '', /after the failure, section again/);
    assert.equal(states(a)[3], 'ok');
  });

  it('shows a block as running while it runs, then stopped', async () => {
    const running = runBlock(uri(), 5);
    await waitFor('the slow block to show as running', () => states(a)[5] === 'running' || undefined);
    await vscode.commands.executeCommand('runbookLens.stopBlock', uri(), 5);
    const entry = await running;
    assert.equal(entry?.status, 'stopped');
    await waitFor('the slow block to show as stopped', () => states(a)[5] === 'stopped' || undefined);
  });

  it('reads results recorded in the incident timeline (e.g. by the CLI) for blocks this window never ran', async () => {
    // Block 4 only, so the test holds on its own (e.g. under --grep) as well as after the runs above.
    await a.authoring!.outline.reloadResults();
    const others = { ...states(a) };
    assert.equal(others[4], 'not run');
    await appendEntry(incident, { id: newEntryId(), time: new Date().toISOString(), kind: 'command', runbook: FIXTURE, block: 4, line: 24, command: 'echo', exitCode: 9, status: 'failed' } as TimelineEntry);
    await a.authoring!.outline.reloadResults();
    assert.deepEqual(states(a), { ...others, 4: 'failed' });
  });

  it('the inline ▶ on an outline block runs that block', async () => {
    const outline = a.authoring!.outline;
    const check = outline.getChildren(outline.getChildren()[0])[0];
    const fails = outline.getChildren(check).find((n) => n.kind === 'block' && n.block.index === 2);
    assert.ok(fails);
    const before = readTimeline(incident).length;
    const entry = await vscode.commands.executeCommand<TimelineEntry | undefined>('runbookLens.runOutlineBlock', fails);
    assert.deepEqual([entry?.block, entry?.exitCode], [2, 4]);
    assert.equal(readTimeline(incident).length, before + 1);
  });

  it('clicking a block reveals it in the editor', async () => {
    const failing = a.runbooks.get(await vscode.workspace.openTextDocument(uri())).blocks.find((b) => b.name === 'fails')!;
    await vscode.commands.executeCommand('runbookLens.revealLine', uri(), failing.line);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri().toString());
    assert.equal(editor?.selection.active.line, failing.line - 1);
  });
});
