import * as vscode from 'vscode';
import type { TimelineEntry } from '../../core/incident/types';
import { describeEntry, isFailure } from '../../core/incident/entryText';
import { isPinMarker, pinnedIds, sortByTime } from '../../core/incident/pins';
import { MILESTONES } from '../../core/incident/lifecycle';
import { formatDuration, formatUtc } from '../../core/incident/timeFormat';
import { describeTarget, responseState } from '../../core/incident/responseTargets';
import type { IncidentModel } from './incidentModel';
import { entryIcon } from './entryIcons';
import { readSettings } from '../settings';

/** Entries listed under "Timeline"; the webview shows them all. */
const TREE_ENTRY_LIMIT = 200;

export type Node =
  | { kind: 'info'; label: string; description?: string; icon: string; command?: vscode.Command; tooltip?: string }
  | { kind: 'group'; id: 'milestones' | 'pinned' | 'failures' | 'timeline'; label: string; count: number }
  | { kind: 'entry'; entry: TimelineEntry; pinned: boolean };

/** Side-bar tree of the open incident: facts, milestones, pinned entries, failures, recent timeline. */
export class IncidentTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: IncidentModel) {
    this.subscription = model.onDidChange(() => this.changed.fire());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  getChildren(node?: Node): Node[] {
    const snap = this.model.current();
    if (!snap) return [];
    const entries = sortByTime(snap.entries).filter((e) => !isPinMarker(e));
    const pinned = pinnedIds(snap.entries);
    const { incident } = snap;
    if (!node) {
      const { responseTargets: targets } = readSettings();
      const s = responseState(incident, targets, new Date());
      const response = s.acknowledgedAt
        ? `acknowledged in ${formatDuration(s.elapsedMs)} (${s.level})`
        : `${formatDuration(s.elapsedMs)} of ${describeTarget(targets[incident.severity])}${s.level === 'ok' ? '' : ` (${s.level})`}`;
      const failures = entries.filter(isFailure).length;
      return [
        { kind: 'info', label: incident.title, description: `${incident.severity} · ${incident.status}`, icon: 'flame', command: { command: 'runbookLens.setStatus', title: 'Set Status' }, tooltip: 'Click to change the status' },
        { kind: 'info', label: 'Commander', description: incident.commander ?? '—', icon: 'person' },
        { kind: 'info', label: 'Response', description: response, icon: s.level === 'missed' || s.level === 'late' ? 'warning' : 'watch' },
        { kind: 'group', id: 'milestones', label: 'Milestones', count: MILESTONES.filter((m) => incident.milestones[m]).length },
        { kind: 'group', id: 'pinned', label: 'Pinned', count: entries.filter((e) => pinned.has(e.id)).length },
        { kind: 'group', id: 'failures', label: 'Failures', count: failures },
        { kind: 'group', id: 'timeline', label: 'Timeline', count: entries.length },
      ];
    }
    if (node.kind !== 'group') return [];
    switch (node.id) {
      case 'milestones':
        return MILESTONES.map((m): Node => ({
          kind: 'info',
          label: m,
          description: incident.milestones[m] ? formatUtc(incident.milestones[m]!) : 'not yet',
          icon: incident.milestones[m] ? 'pass-filled' : 'circle-large-outline',
          command: { command: 'runbookLens.markMilestone', title: 'Mark Milestone', arguments: [{ name: m }] },
          tooltip: `Mark "${m}" (now or backdated)`,
        }));
      case 'pinned':
        return entries.filter((e) => pinned.has(e.id)).map((e) => ({ kind: 'entry', entry: e, pinned: true }));
      case 'failures':
        return entries.filter(isFailure).map((e) => ({ kind: 'entry', entry: e, pinned: pinned.has(e.id) }));
      case 'timeline': {
        const recent = entries.slice(-TREE_ENTRY_LIMIT).reverse().map((e): Node => ({ kind: 'entry', entry: e, pinned: pinned.has(e.id) }));
        if (entries.length > TREE_ENTRY_LIMIT) {
          recent.push({ kind: 'info', label: `${entries.length - TREE_ENTRY_LIMIT} older entries…`, icon: 'ellipsis', command: { command: 'runbookLens.showTimeline', title: 'Show Timeline' } });
        }
        return recent;
      }
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'info') {
      const item = new vscode.TreeItem(node.label);
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.command = node.command;
      item.tooltip = node.tooltip;
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, node.id === 'milestones' || (node.id === 'pinned' && node.count > 0) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.count);
      item.id = `group:${node.id}`;
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(describeEntry(e));
    item.description = formatUtc(e.time).slice(11, 19);
    item.iconPath = entryIcon(e);
    item.tooltip = `${formatUtc(e.time)}${e.actor ? ` · ${e.actor}` : ''}\n${e.text ?? e.command ?? ''}`.trim();
    item.contextValue = node.pinned ? 'runbookLens.entry.pinned' : 'runbookLens.entry';
    item.command = { command: 'runbookLens.openEntry', title: 'Open Entry', arguments: [e.id] };
    return item;
  }
}
