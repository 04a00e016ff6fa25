import * as vscode from 'vscode';

/**
 * Follow Output: opens the output file of the running (or last) block in an editor and keeps
 * the editor scrolled to its end while the file grows. The Output channel shows only a bounded
 * head and tail (see boundedLiveSink); the file has everything, redacted.
 */
export class OutputFollower implements vscode.Disposable {
  private file: string | undefined;
  private following: vscode.Uri | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.following && e.document.uri.toString() === this.following.toString()) this.scrollToEnd(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.following && d.uri.toString() === this.following.toString()) this.stopWatching();
      }),
    );
  }

  /** The output file of the block that just started. */
  track(file: string): void {
    this.file = file;
  }

  async follow(): Promise<void> {
    if (!this.file) {
      void vscode.window.showInformationMessage('Runbook Lens: no block has run yet in this window; run one, then Follow Output.');
      return;
    }
    const uri = vscode.Uri.file(this.file);
    this.stopWatching();
    this.following = uri;
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false, preserveFocus: true });
    this.scrollToEnd(document);
    // The editor reloads a file changed on disk when it has no edits; a watcher makes sure it hears of it.
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uriBase(uri)));
  }

  private scrollToEnd(document: vscode.TextDocument): void {
    const end = new vscode.Position(Math.max(0, document.lineCount - 1), 0);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) continue;
      editor.selection = new vscode.Selection(end, end);
      editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
    }
  }

  private stopWatching(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    this.following = undefined;
  }

  dispose(): void {
    this.stopWatching();
    for (const s of this.subscriptions) s.dispose();
  }
}

function uriBase(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
