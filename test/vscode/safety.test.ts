import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../src/core/incident/types';
import type { ExtensionServices } from '../../src/extension/services';
import { EXTENSION_ID, lensTitles, openRunbook, runBlock, startIncident, withWarningMessages, workspaceRoot, workspaceUri } from './support';

async function services(): Promise<ExtensionServices> {
  const ext = vscode.extensions.getExtension<{ services: ExtensionServices }>(EXTENSION_ID);
  assert.ok(ext);
  return (await ext.activate()).services;
}

/** ▶ Run of block `index`, answering each modal dialog with `answer` (undefined: cancel); returns what they asked. */
async function runBlockAnswering(uri: vscode.Uri, index: number, answer: string | undefined): Promise<{ entry: TimelineEntry | undefined; asked: string[] }> {
  const win = vscode.window as { showWarningMessage: unknown };
  const original = win.showWarningMessage as (...a: unknown[]) => Thenable<unknown>;
  const asked: string[] = [];
  win.showWarningMessage = (message: string, ...rest: unknown[]) => {
    const modal = typeof rest[0] === 'object' && rest[0] !== null && (rest[0] as vscode.MessageOptions).modal;
    if (!modal) return original.call(vscode.window, message, ...rest);
    asked.push(message);
    return Promise.resolve(answer);
  };
  try {
    return { entry: await runBlock(uri, index), asked };
  } finally {
    win.showWarningMessage = original;
  }
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

  it('a read-only block runs through ▶ Run without asking and records that no confirmation was needed', async () => {
    const guard = (await services()).guard;
    assert.equal(guard.blockedReason?.(), undefined, 'the test workspace is trusted');
    const file = path.join(workspaceRoot(), 'read-only.md');
    fs.writeFileSync(file, '# Read only\n\n```bash\necho "only reading"\n```\n\n```bash\nrm -rf read-only-scratch\n```\n');
    try {
      await startIncident('extension-host suite: safety');
      const warned = await withWarningMessages(async (messages) => {
        const entry = await runBlock(vscode.Uri.file(file), 1);
        assert.ok(entry, 'it ran');
        assert.equal(entry.output, 'only reading\n');
        assert.equal(entry.confirmation?.method, 'none');
        assert.deepEqual(entry.confirmation?.destructive, []);
        return messages;
      });
      assert.deepEqual(warned, [], 'no consent dialog');
      // The destructive block beside it does ask, and cancelling runs nothing.
      const { entry, asked } = await runBlockAnswering(vscode.Uri.file(file), 2, undefined);
      assert.equal(entry, undefined, 'cancelled: nothing ran');
      assert.equal(asked.length, 1, asked.join(' | '));
      assert.match(asked[0], /^Run /);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
