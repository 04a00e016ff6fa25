import * as vscode from 'vscode';
import { computeMetrics } from '../../core/incident/metrics';
import { readIncidentRecords } from '../../core/incident/incidentRecords';
import { createPanel } from './webviewHtml';
import { errorText } from '../commands';
import { INCIDENT_JSON, TIMELINE_JSONL } from '../../core/incident/incidentFiles';

/** Incident metrics with charts (chart.js) for every incident folder under a root. */
export class MetricsPanel implements vscode.Disposable {
  private static current: MetricsPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  /**
   * `changes`: fires when the open incident changes (the model's event). Incident files under the
   * root are watched too (the CLI, a teammate's sync), so the figures never stay stale.
   */
  static async show(extensionUri: vscode.Uri, root: string, onOpen: (dir: string) => Promise<void>, changes?: vscode.Event<unknown>): Promise<MetricsPanel> {
    if (MetricsPanel.current) {
      MetricsPanel.current.watchRoot(root);
      MetricsPanel.current.panel.reveal();
      await MetricsPanel.current.refresh();
      return MetricsPanel.current;
    }
    const panel = createPanel(extensionUri, 'runbookLens.metrics', 'Incident Metrics', vscode.ViewColumn.Active, { styles: ['metrics.css'], scripts: ['vendor/chart.umd.min.js', 'metrics.js'] });
    MetricsPanel.current = new MetricsPanel(panel, root, onOpen, changes);
    return MetricsPanel.current;
  }

  private watcher: vscode.FileSystemWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Changed while hidden: read again when shown. */
  private stale = false;
  /** Only the newest read is posted: an older one finishing later must not replace it. */
  private reads = 0;

  private constructor(readonly panel: vscode.WebviewPanel, private root: string, private readonly onOpen: (dir: string) => Promise<void>, changes?: vscode.Event<unknown>) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: { type: string; dir?: string }) => {
        if (m.type === 'ready') {
          this.ready = true;
          void this.refresh();
        } else if (m.type === 'refresh') void this.refresh();
        else if (m.type === 'open' && m.dir) void this.onOpen(vscode.Uri.joinPath(vscode.Uri.file(this.root), m.dir).fsPath);
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) void this.refresh();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    if (changes) this.disposables.push(changes(() => this.soon()));
    this.watchRoot(root);
  }

  private watchRoot(root: string): void {
    if (this.watcher && root === this.root) return;
    this.root = root;
    this.watcher?.dispose();
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), `**/{${INCIDENT_JSON},${TIMELINE_JSONL}}`));
    const soon = (): void => this.soon();
    w.onDidChange(soon);
    w.onDidCreate(soon);
    w.onDidDelete(soon);
    this.watcher = w;
  }

  /** Debounced: a run appends several lines in a burst. */
  private soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.panel.visible) void this.refresh();
      else this.stale = true;
    }, 250);
  }

  async refresh(): Promise<void> {
    if (!this.ready) return;
    this.stale = false;
    const read = ++this.reads;
    try {
      const { records, problems } = await readIncidentRecords(this.root);
      const report = computeMetrics(records);
      if (read === this.reads) void this.panel.webview.postMessage({ type: 'report', root: vscode.workspace.asRelativePath(this.root), report, problems });
    } catch (err) {
      if (read === this.reads) void this.panel.webview.postMessage({ type: 'error', message: errorText(err) });
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watcher?.dispose();
    if (MetricsPanel.current === this) MetricsPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
