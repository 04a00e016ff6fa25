import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Incident, TimelineEntry } from '../../core/incident/types';
import { readIncident } from '../../core/incident/incidentStore';
import { readTimeline } from '../../core/incident/timeline';
import { INCIDENT_JSON, TIMELINE_JSONL } from '../../core/incident/incidentFiles';
import type { IncidentService } from '../services';

export interface IncidentSnapshot {
  dir: string;
  incident: Incident;
  entries: TimelineEntry[];
  problems: string[];
}

/**
 * The open incident as last read from disk. Reloads when the open incident changes or its
 * files change (runs, the CLI, another window), and tells the views.
 */
export class IncidentModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IncidentSnapshot | undefined>();
  readonly onDidChange = this.changed.event;
  private snapshot: IncidentSnapshot | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private watchedDir: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;
  private loading: Promise<IncidentSnapshot | undefined> | undefined;

  constructor(private readonly incidents: IncidentService) {
    const reload = () => void this.reload();
    this.subscription = vscode.Disposable.from(incidents.onDidChange(reload), incidents.onDidRecord(reload));
    void this.reload();
  }

  current(): IncidentSnapshot | undefined {
    return this.snapshot;
  }

  /** Reads again now; views update through onDidChange. */
  reload(): Promise<IncidentSnapshot | undefined> {
    const run = (async () => {
      const dir = this.incidents.currentDir();
      this.watch(dir);
      if (!dir) {
        this.snapshot = undefined;
      } else {
        try {
          const [incident, timeline] = await Promise.all([readIncident(dir), readTimeline(dir)]);
          this.snapshot = { dir, incident, entries: timeline.entries, problems: timeline.problems };
        } catch {
          this.snapshot = undefined;
        }
      }
      this.changed.fire(this.snapshot);
      return this.snapshot;
    })();
    this.loading = run;
    return run;
  }

  /** The snapshot after any reload in flight. */
  async ready(): Promise<IncidentSnapshot | undefined> {
    return this.loading ? this.loading : this.snapshot;
  }

  private watch(dir: string | undefined): void {
    if (dir === this.watchedDir) return;
    this.watcher?.dispose();
    this.watchedDir = dir;
    this.watcher = undefined;
    if (!dir) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), `{${INCIDENT_JSON},${TIMELINE_JSONL}}`));
    const soon = (): void => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), 150);
    };
    w.onDidChange(soon);
    w.onDidCreate(soon);
    w.onDidDelete(soon);
    this.watcher = w;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watcher?.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function outputPath(dir: string, entry: TimelineEntry): string | undefined {
  if (!entry.outputFile) return undefined;
  return path.isAbsolute(entry.outputFile) ? entry.outputFile : path.join(dir, entry.outputFile);
}
