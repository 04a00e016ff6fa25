import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('harness smoke', () => {
  it('runs inside a real VS Code with a workspace folder', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  });
});
