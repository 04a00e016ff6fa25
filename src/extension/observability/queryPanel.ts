import * as vscode from 'vscode';
import type { QueryView } from '../../core/integrations/queryView';
import { createPanel } from '../incident/webviewHtml';

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
      this.panel = createPanel(this.extensionUri, 'runbookLens.queryResult', 'Query Result', vscode.ViewColumn.Beside, {
        styles: ['promql.css'],
        scripts: ['vendor/chart.umd.min.js', 'promql.js'],
      });
      this.panel.onDidDispose(() => { this.panel = undefined; });
      this.panel.webview.onDidReceiveMessage((m: { type?: string; path?: string }) => {
        if (m?.type === 'ready' && this.last) void this.panel?.webview.postMessage({ type: 'result', view: this.last });
      });
    } else {
      this.panel.reveal(undefined, true);
      void this.panel.webview.postMessage({ type: 'result', view });
    }
    this.panel.title = `Query: ${view.title}`;
  }
}
