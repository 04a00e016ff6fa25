import * as vscode from 'vscode';
import { responseState, describeTarget } from '../../core/incident/responseTargets';
import { formatDuration, formatUtc } from '../../core/incident/timeFormat';
import { impactStart } from '../../core/incident/incidentDurations';
import { statusLine } from '../../core/incident/statusLine';
import type { IncidentModel } from './incidentModel';
import { readSettings } from '../settings';

/** Open incident, severity and elapsed time against the response target; warns near (≥80 %) and past it. */
export class IncidentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('runbookLens.incident', vscode.StatusBarAlignment.Left, 50);
  private readonly tick: NodeJS.Timeout;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: IncidentModel) {
    this.item.name = 'Runbook Lens: incident';
    this.item.command = 'runbookLens.incidentActions';
    this.subscription = model.onDidChange(() => this.update());
    this.tick = setInterval(() => this.update(), 1000);
    this.update();
  }

  update(): void {
    const snap = this.model.current();
    if (!snap) {
      this.item.hide();
      return;
    }
    const { incident } = snap;
    const { responseTargets: targets } = readSettings();
    const now = new Date();
    const s = responseState(incident, targets, now);
    const target = describeTarget(targets[incident.severity]);
    const line = statusLine(incident, targets, now);
    const text = line.text;
    let background: vscode.ThemeColor | undefined;
    if (!s.acknowledgedAt && incident.status !== 'resolved') {
      if (s.level === 'near') background = new vscode.ThemeColor('statusBarItem.warningBackground');
      if (s.level === 'missed') background = new vscode.ThemeColor('statusBarItem.errorBackground');
    }
    this.item.text = text;
    this.item.backgroundColor = background;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMd(incident.title)}** — ${incident.severity}, ${incident.status}\n\n`);
    md.appendMarkdown(`Commander: ${escapeMd(incident.commander ?? '—')}\n\n`);
    md.appendMarkdown(`Clock: ${formatDuration(line.clockMs)} since the start of impact (${formatUtc(impactStart(incident), false)})${incident.status === 'resolved' ? ', until resolved' : ''}\n\n`);
    const response = s.acknowledgedAt
      ? `acknowledged after ${formatDuration(s.elapsedMs)} — target ${target} ${s.level === 'met' ? 'met' : 'missed'}`
      : `${formatDuration(s.elapsedMs)} since ${incident.milestones.detected ? 'detection' : 'the start of impact'} — target ${target}, due ${formatUtc(s.deadline, false)}` +
        (s.level === 'missed' ? ' (**missed**)' : s.level === 'near' ? ' (**near**)' : '');
    md.appendMarkdown(`Response: ${response}\n\n`);
    md.appendMarkdown('Click for incident actions.');
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.tick);
    this.subscription.dispose();
    this.item.dispose();
  }
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
