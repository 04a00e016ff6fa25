import * as vscode from 'vscode';

/**
 * Walkthrough step 1: puts the example runbook in the workspace (runbooks/incident-response.md,
 * never overwriting a file that is there) and opens it. Without a folder, the packaged copy
 * opens as-is, to read.
 */
export async function openExampleRunbook(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const packaged = vscode.Uri.joinPath(context.extensionUri, 'examples', 'incident-response.md');
  const folder = vscode.workspace.workspaceFolders?.[0];
  let uri = packaged;
  if (folder) {
    uri = vscode.Uri.joinPath(folder.uri, 'runbooks', 'incident-response.md');
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (!exists) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, 'runbooks'));
      await vscode.workspace.fs.copy(packaged, uri);
    }
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}
