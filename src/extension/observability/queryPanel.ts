import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { QueryView } from '../../core/integrations/queryView';

/**
 * One webview for query results (table, and a line chart for range queries). The page is
 * static; results arrive by postMessage, so no result text is ever put into HTML.
 */
export class QueryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private last: QueryView | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  dispose(): void {
    this.panel?.dispose();
  }

  /** The view shown last (tests and "reveal" use it). */
  current(): QueryView | undefined {
    return this.last;
  }

  show(view: QueryView): void {
    this.last = view;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('runbookLens.queryResult', 'Query Result', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
        retainContextWhenHidden: true,
      });
      this.panel.onDidDispose(() => { this.panel = undefined; });
      this.panel.webview.onDidReceiveMessage((m: { type?: string; path?: string }) => {
        if (m?.type === 'ready' && this.last) void this.panel?.webview.postMessage({ type: 'result', view: this.last });
      });
      this.panel.webview.html = this.html(this.panel.webview);
    } else {
      this.panel.reveal(undefined, true);
      void this.panel.webview.postMessage({ type: 'result', view });
    }
    this.panel.title = `Query: ${view.title}`;
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const media = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', ...p)).toString();
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('promql.css')}">
<title>Query Result</title>
</head>
<body>
<main id="root"><p class="muted">Waiting for a result…</p></main>
<script nonce="${nonce}" src="${media('vendor', 'chart.umd.min.js')}"></script>
<script nonce="${nonce}" src="${media('promql.js')}"></script>
</body>
</html>`;
  }
}
