import * as vscode from 'vscode';
import { nextUpdateDue } from '../../core/incident/updateCadence';
import { formatDuration } from '../../core/incident/timeFormat';
import type { IncidentModel } from './incidentModel';
import { readSettings } from '../settings';

/** Reminds the user when a stakeholder update is due (P0 every 15 minutes by default). */
export class UpdateReminders implements vscode.Disposable {
  private readonly timer: NodeJS.Timeout;
  private remindedFor = '';
  private snoozedUntil = 0;

  constructor(private readonly model: IncidentModel) {
    this.timer = setInterval(() => void this.check(), 20_000);
  }

  async check(now = new Date()): Promise<void> {
    const snap = this.model.current();
    const settings = readSettings();
    if (!snap || !settings.updateReminders || now.getTime() < this.snoozedUntil) return;
    const due = nextUpdateDue(snap.incident, snap.entries, settings.updateIntervals);
    if (!due || due.getTime() > now.getTime()) return;
    const key = `${snap.dir}@${due.toISOString()}`;
    if (key === this.remindedFor) return;
    this.remindedFor = key;
    const every = formatDuration(settings.updateIntervals[snap.incident.severity]);
    const pick = await vscode.window.showWarningMessage(
      `Runbook Lens: a stakeholder update on "${snap.incident.title}" is due (${snap.incident.severity}: every ${every}).`,
      'Compose Update', 'Snooze 5 min',
    );
    if (pick === 'Compose Update') await vscode.commands.executeCommand('runbookLens.composeMessage', 'update');
    if (pick === 'Snooze 5 min') {
      this.snoozedUntil = Date.now() + 5 * 60_000;
      this.remindedFor = '';
    }
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
