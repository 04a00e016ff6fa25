import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunbookLensApi } from '../../src/extension/extension';
import { EXTENSION_ID, runBlock, startIncident, waitFor, workspaceUri } from './support';

describe('opening a timeline entry', () => {
  let api: RunbookLensApi;
  before(async () => {
    api = await vscode.extensions.getExtension<RunbookLensApi>(EXTENSION_ID)!.activate();
    await startIncident('entry layout suite');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('with the runbook and the timeline side by side, reuses the side column for the output (never a third column)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = workspaceUri('fixtures/runs.md');
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    const entry = await runBlock(uri, 1);
    assert.ok(entry?.outputFile);
    assert.equal(await vscode.commands.executeCommand('runbookLens.showTimeline'), true);
    await waitFor('runbook | timeline', () => vscode.window.tabGroups.all.length === 2 || undefined);
    await waitFor('the model to list the run', () => api.incident?.model.current()?.entries.some((e) => e.id === entry.id) || undefined);
    await vscode.commands.executeCommand('runbookLens.openEntry', entry.id);
    await waitFor('the output tab', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath.endsWith('.log'))) || undefined);
    const groups = vscode.window.tabGroups.all;
    assert.deepEqual(groups.map((g) => g.viewColumn), [1, 2], 'still two columns');
    const where = (pattern: RegExp) => groups.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && pattern.test(t.input.uri.fsPath)))?.viewColumn;
    assert.equal(where(/runs\.md$/), 1);
    assert.equal(where(new RegExp(`${entry.id}\\.log$`)), 2);
  });
});
