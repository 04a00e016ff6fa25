import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunbookLensApi } from '../../src/extension/extension';
import { EXTENSION_ID, openRunbook, waitFor, withErrorMessages, workspaceUri } from './support';

describe('activation', () => {
  it('activates when a Markdown file is opened and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    assert.ok((ext.packageJSON.activationEvents as string[]).includes('onLanguage:markdown'));
    const doc = await openRunbook('fixtures/runs.md');
    assert.equal(doc.languageId, 'markdown');
    await waitFor('the extension to activate', () => ext.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['runbookLens.runBlock', 'runbookLens.stopBlock', 'runbookLens.runInTerminal', 'runbookLens.copyBlock', 'runbookLens.startIncident', 'runbookLens.showOutput']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('builds every shared service at activation, before any feature registers', async () => {
    const api = await vscode.extensions.getExtension<RunbookLensApi>(EXTENSION_ID)!.activate();
    assert.equal(typeof api.services.target.current, 'function');
    assert.equal(typeof api.services.guard.blockedReason, 'function');
    assert.equal(api.services.runbooks, api.runbooks, 'one RunbookCache for every feature');
  });

  it('a command that fails shows one error notification "Runbook Lens: …" and resolves, whatever its feature', async () => {
    const missing = workspaceUri('fixtures/no-such-runbook.md');
    const calls: [string, unknown[]][] = [
      ['runbookLens.runBlock', [missing, 1]],
      ['runbookLens.runAll', [missing]],
      ['runbookLens.runQuery', [missing, 1]],
      ['runbookLens.explainBlock', [missing, 1]],
      ['runbookLens.composeMessage', ['not-a-kind']],
    ];
    for (const [id, args] of calls) {
      await withErrorMessages(async (errors) => {
        let thrown: unknown;
        const result = await vscode.commands.executeCommand(id, ...args).then(undefined, (err: unknown) => { thrown = err; });
        assert.equal(thrown, undefined, `${id} rejected: ${String(thrown)}`);
        assert.equal(result, undefined);
        assert.equal(errors.length, 1, `${id}: ${JSON.stringify(errors)}`);
        assert.match(errors[0], /^Runbook Lens: \S/, id);
        assert.doesNotMatch(errors[0], /\n\s+at /, `${id} shows no stack trace`);
      });
    }
  });
});
