import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseRunbook } from '../../src/core/runbook/parse';
import type { ExtensionServices } from '../../src/extension/services';
import { EXTENSION_ID, lensTitles, openRunbook, workspaceRoot, workspaceUri } from './support';

async function services(): Promise<ExtensionServices> {
  const ext = vscode.extensions.getExtension<{ services: ExtensionServices }>(EXTENSION_ID);
  assert.ok(ext);
  return (await ext.activate()).services;
}

describe('safety', () => {
  before(async () => {
    await services();
  });

  it('a destructive block gets a safety lens that opens Explain Block', async () => {
    await openRunbook('incident-response.md');
    const lenses = await lensTitles(workspaceUri('incident-response.md'));
    const restart = lenses.find((l) => l.line === 84 && l.title.startsWith('⚠ Destructive'));
    assert.ok(restart, `safety lens on the Service Recovery fence; got ${lenses.map((l) => `${l.line}:${l.title}`).join(' | ')}`);
    assert.equal(restart.command?.command, 'runbookLens.explainBlock');
    assert.ok(!lenses.some((l) => l.line === 28 && l.title.startsWith('⚠')), 'no safety lens on the read-only first block');
  });

  it('Explain Block names the destructive commands of the recovery script, through its functions', async () => {
    const markdown = await vscode.commands.executeCommand<string>('runbookLens.explainBlock', workspaceUri('incident-response.md'), 11);
    assert.match(markdown, /`xargs -I \{\} kubectl delete \{\} -n photon-mlir` \(written `xargs -I \{\} kubectl delete \{\} -n \$NAMESPACE`\) — deletes cluster resources · line 236/);
    assert.match(markdown, /through `scale_service`/);
  });

  it('a block with hidden Unicode says why on its lens', async () => {
    const file = path.join(workspaceRoot(), 'hidden-unicode.md');
    fs.writeFileSync(file, '# Hidden\n\n```bash\necho "ok" # \u202E fake\n```\n');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      const lenses = await lensTitles(vscode.Uri.file(file));
      assert.ok(lenses.some((l) => l.line === 2 && /^⚠ Refused: hidden Unicode U\+202E RIGHT-TO-LEFT OVERRIDE at line 4, column 13/.test(l.title)), lenses.map((l) => l.title).join(' | '));
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('the guard lets a read-only block run without asking and records that no confirmation was needed', async () => {
    const guard = (await services()).guard;
    assert.ok(guard, 'safety fills the guard service');
    assert.equal(guard.blockedReason?.(), undefined, 'the test workspace is trusted');
    const doc = await openRunbook('incident-response.md');
    const block = parseRunbook(doc.getText()).blocks[2];
    const confirmation = await guard.confirmRun(block, block.code, { context: 'prod-eu', cluster: 'eu', namespace: 'photon-mlir' });
    assert.equal(confirmation?.method, 'none');
    assert.deepEqual(confirmation?.destructive, []);
  });
});
