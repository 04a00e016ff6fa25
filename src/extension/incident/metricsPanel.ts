import * as vscode from 'vscode';
import { computeMetrics } from '../../core/incident/metrics';
import { readIncidentRecords } from '../../core/incident/incidentRecords';
import { createPanel } from './webviewHtml';
import { errorText } from '../commands';

/** Incident metrics with charts (chart.js) for every incident folder under a root. */
export class MetricsPanel implements vscode.Disposable {
  private static current: MetricsPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static async show(extensionUri: vscode.Uri, root: string, onOpen: (dir: string) => Promise<void>): Promise<MetricsPanel> {
    if (MetricsPanel.current) {
      MetricsPanel.current.root = root;
      MetricsPanel.current.panel.reveal();
      await MetricsPanel.current.refresh();
      return MetricsPanel.current;
    }
    const panel = createPanel(extensionUri, 'runbookLens.metrics', 'Incident Metrics', vscode.ViewColumn.Active, { styles: ['metrics.css'], scripts: ['vendor/chart.umd.min.js', 'metrics.js'] });
    MetricsPanel.current = new MetricsPanel(panel, root, onOpen);
    return MetricsPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private root: string, private readonly onOpen: (dir: string) => Promise<void>) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: { type: string; dir?: string }) => {
        if (m.type === 'ready') {
          this.ready = true;
          void this.refresh();
        } else if (m.type === 'refresh') void this.refresh();
        else if (m.type === 'open' && m.dir) void this.onOpen(vscode.Uri.joinPath(vscode.Uri.file(this.root), m.dir).fsPath);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  async refresh(): Promise<void> {
    if (!this.ready) return;
    try {
      const { records, problems } = await readIncidentRecords(this.root);
      const report = computeMetrics(records);
      void this.panel.webview.postMessage({ type: 'report', root: vscode.workspace.asRelativePath(this.root), report, problems });
    } catch (err) {
      void this.panel.webview.postMessage({ type: 'error', message: errorText(err) });
    }
  }

  dispose(): void {
    if (MetricsPanel.current === this) MetricsPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
