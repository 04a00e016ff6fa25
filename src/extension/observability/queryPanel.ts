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
  /** Absolute path of the last result's output file; the webview can only ask to open this one. */
  private lastOutput: string | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  dispose(): void {
    this.panel?.dispose();
  }

  /** The view shown last (tests and "reveal" use it). */
  current(): QueryView | undefined {
    return this.last;
  }

  /** Shows the panel again with the last result (after it was closed or hidden). */
  reveal(): void {
    if (this.last) this.show(this.last, this.lastOutput);
  }

  show(view: QueryView, outputPath?: string): void {
    this.last = view;
    this.lastOutput = outputPath;
    if (!this.panel) {
      this.panel = createPanel(this.extensionUri, 'runbookLens.queryResult', 'Query Result', vscode.ViewColumn.Beside, {
        styles: ['promql.css'],
        scripts: ['vendor/chart.umd.min.js', 'promql.js'],
      });
      this.panel.onDidDispose(() => { this.panel = undefined; });
      this.panel.webview.onDidReceiveMessage((m: { type?: string }) => {
        if (m?.type === 'ready' && this.last) void this.panel?.webview.postMessage({ type: 'result', view: this.last });
        if (m?.type === 'openOutput' && this.lastOutput) {
          void vscode.window.showTextDocument(vscode.Uri.file(this.lastOutput), { viewColumn: vscode.ViewColumn.Active, preview: true });
        }
      });
    } else {
      this.panel.reveal(undefined, true);
      void this.panel.webview.postMessage({ type: 'result', view });
    }
    this.panel.title = `Query: ${view.title}`;
  }
}
