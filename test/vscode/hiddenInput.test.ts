import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, lensTitles, workspaceRoot } from './support';

/** Issue 17 §3/§5 in the editor: the info string and bytes VS Code decodes to U+FFFD refuse the block, as lint's RL001 does. */
describe('hidden input in the editor', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  async function lensesOf(name: string, bytes: Buffer): Promise<string[]> {
    const file = path.join(workspaceRoot(), name);
    fs.writeFileSync(file, bytes);
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      return (await lensTitles(vscode.Uri.file(file))).map((l) => `${l.line}:${l.title} [${l.command?.tooltip ?? ''}]`);
    } finally {
      fs.rmSync(file, { force: true });
    }
  }

  it('a hidden character in the info string refuses the block on its lens', async () => {
    const lenses = await lensesOf('hidden-info.md', Buffer.from('# Hidden\n\n```bash { title="Restart\u202E pods" }\necho ok\n```\n'));
    assert.ok(lenses.some((l) => /^2:⚠ Refused: hidden Unicode U\+202E RIGHT-TO-LEFT OVERRIDE in the info string/.test(l)), lenses.join(' | '));
  });

  it('bytes that are not valid UTF-8 refuse the block, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from('# Bad\n\n```bash\necho ok\necho "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n```\n')]);
    const lenses = await lensesOf('invalid-utf8.md', bytes);
    assert.ok(lenses.some((l) => /^2:⚠ Refused: hidden Unicode U\+FFFD REPLACEMENT CHARACTER .*\[U\+FFFD REPLACEMENT CHARACTER \(NUL or invalid UTF-8 in the file\) at line 5, column 10/s.test(l)), lenses.join(' | '));
  });
});
