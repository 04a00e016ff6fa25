import * as vscode from 'vscode';
import type { TimelineEntry } from '../../core/incident/types';
import { describeEntry, exitText, isFailure } from '../../core/incident/entryText';
import { isPinMarker, pinnedIds, sortByTime } from '../../core/incident/pins';
import type { IncidentModel, IncidentSnapshot } from './incidentModel';
import { createPanel } from './webviewHtml';
import { entryIconName } from './entryIcons';
import { openEntry } from './openEntry';

/** What the list needs per entry; details are sent on selection so 10,000 entries stay light. */
export interface TimelineRow {
  id: string;
  t: number;
  kind: string;
  icon: string;
  summary: string;
  result?: string;
  failed: boolean;
  durationMs?: number;
  actor?: string;
  canOpen: boolean;
}

/** Longest output sent to the details pane; the full file opens in an editor. */
const DETAIL_OUTPUT_CAP = 64 * 1024;

export function timelineRows(entries: readonly TimelineEntry[]): TimelineRow[] {
  return sortByTime(entries).filter((e) => !isPinMarker(e)).map((e) => ({
    id: e.id,
    t: Date.parse(e.time),
    kind: e.kind,
    icon: entryIconName(e),
    summary: describeEntry(e),
    ...(e.kind === 'command' || e.kind === 'query' ? { result: exitText(e) } : {}),
    failed: isFailure(e),
    ...(e.durationMs !== undefined ? { durationMs: e.durationMs } : {}),
    ...(e.actor ? { actor: e.actor } : {}),
    canOpen: !!(e.runbook || e.outputFile),
  }));
}

/** The timeline webview of the open incident (one per window). */
export class TimelinePanel implements vscode.Disposable {
  private static current: TimelinePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static show(extensionUri: vscode.Uri, model: IncidentModel, onPin: (id: string, unpin: boolean) => Promise<void>): TimelinePanel {
    if (TimelinePanel.current) {
      TimelinePanel.current.panel.reveal(undefined, false);
      return TimelinePanel.current;
    }
    const panel = createPanel(extensionUri, 'runbookLens.timeline', 'Incident Timeline', vscode.ViewColumn.Beside, { styles: ['timeline.css'], scripts: ['timeline.js'] });
    TimelinePanel.current = new TimelinePanel(panel, model, onPin);
    return TimelinePanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly model: IncidentModel,
    private readonly onPin: (id: string, unpin: boolean) => Promise<void>,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: { type: string; id?: string; unpin?: boolean }) => void this.receive(m)),
      model.onDidChange((snap) => this.load(snap)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private async receive(m: { type: string; id?: string; unpin?: boolean }): Promise<void> {
    const snap = this.model.current();
    if (m.type === 'ready') {
      this.ready = true;
      this.load(snap);
      return;
    }
    const entry = snap?.entries.find((e) => e.id === m.id);
    if (!snap || !entry) return;
    if (m.type === 'select') {
      const output = entry.output && entry.output.length > DETAIL_OUTPUT_CAP ? `${entry.output.slice(0, DETAIL_OUTPUT_CAP)}\n…` : entry.output;
      void this.panel.webview.postMessage({ type: 'details', entry: { ...entry, output } });
    } else if (m.type === 'open') {
      await openEntry(snap.dir, entry, this.panel.viewColumn);
    } else if (m.type === 'pin') {
      await this.onPin(entry.id, !!m.unpin);
    }
  }

  private load(snap: IncidentSnapshot | undefined): void {
    if (!this.ready) return;
    if (!snap) {
      void this.panel.webview.postMessage({ type: 'load', incident: null, rows: [], pinned: [] });
      return;
    }
    const { incident } = snap;
    this.panel.title = `Timeline: ${incident.title}`;
    void this.panel.webview.postMessage({
      type: 'load',
      incident: { title: incident.title, severity: incident.severity, status: incident.status, commander: incident.commander ?? null, dir: snap.dir },
      rows: timelineRows(snap.entries),
      pinned: [...pinnedIds(snap.entries)],
      problems: snap.problems,
    });
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
