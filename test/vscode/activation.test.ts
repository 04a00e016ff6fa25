import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openRunbook, waitFor } from './support';

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
});
