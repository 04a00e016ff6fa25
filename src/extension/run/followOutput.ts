import * as vscode from 'vscode';
import { errorText, showError } from '../commands';
import { OUTPUT_SCHEME, OutputFileSystem } from './outputFileSystem';

/**
 * Follow Output: opens the output file of the running (or last) block in a read-only editor and
 * keeps it scrolled to its end while the file grows, as long as the cursor is on the last line
 * (move it up to read, and following pauses). The Output channel shows only a bounded head and
 * tail (see boundedLiveSink); the file has everything, redacted.
 */
export class OutputFollower implements vscode.Disposable {
  readonly files = new OutputFileSystem();
  private file: string | undefined;
  private following: { uri: vscode.Uri; lines: number; poll: vscode.Disposable } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.registerFileSystemProvider(OUTPUT_SCHEME, this.files, {
        isCaseSensitive: true,
        isReadonly: new vscode.MarkdownString('The output of a run, as recorded (redacted): Runbook Lens keeps it read-only.'),
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.grown(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.following && d.uri.toString() === this.following.uri.toString()) this.stopFollowing();
      }),
    );
  }

  /** The output file of the block that just started. */
  track(file: string): void {
    this.file = file;
  }

  /** The block that wrote `file` has ended: show its last lines now. */
  ended(file: string): void {
    this.files.changed(OutputFileSystem.uri(file));
  }

  async follow(): Promise<void> {
    if (!this.file) {
      void vscode.window.showInformationMessage('Runbook Lens: no block has run yet in this window; run one, then Follow Output.');
      return;
    }
    const uri = OutputFileSystem.uri(this.file);
    this.stopFollowing();
    const poll = this.files.track(uri);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (err) {
      poll.dispose();
      void showError(`cannot open the output file ${this.file}: ${errorText(err)}`);
      return;
    }
    this.following = { uri, lines: document.lineCount, poll };
    await vscode.window.showTextDocument(document, { preview: false, preserveFocus: true });
    this.scrollToEnd(document, () => true);
  }

  private grown(document: vscode.TextDocument): void {
    const f = this.following;
    if (!f || document.uri.toString() !== f.uri.toString()) return;
    const before = f.lines;
    f.lines = document.lineCount;
    // Reloading keeps the cursor where it was: on the old last line means "following".
    this.scrollToEnd(document, (editor) => editor.selection.active.line >= before - 1);
  }

  private scrollToEnd(document: vscode.TextDocument, following: (editor: vscode.TextEditor) => boolean): void {
    const end = new vscode.Position(Math.max(0, document.lineCount - 1), 0);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document || !following(editor)) continue;
      editor.selection = new vscode.Selection(end, end);
      editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
    }
  }

  private stopFollowing(): void {
    this.following?.poll.dispose();
    this.following = undefined;
  }

  dispose(): void {
    this.stopFollowing();
    for (const s of this.subscriptions) s.dispose();
    this.files.dispose();
  }
}
