import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IncidentStatus, MilestoneName } from '../../core/incident/types';
import { addNote, isMilestone, isStatus, markMilestone, MILESTONES, pinEntry, setDetails, setStatus, STATUSES, type IncidentDetails } from '../../core/incident/lifecycle';
import { parseMilestoneTime } from '../../core/incident/milestoneTime';
import { describeEntry } from '../../core/incident/entryText';
import { isPinMarker, pinnedIds, sortByTime } from '../../core/incident/pins';
import { formatUtc } from '../../core/incident/timeFormat';
import { draftPostmortem, describeDraft } from '../../core/incident/draftPostmortem';
import { listIncidents } from '../../core/incident/incidentStore';
import type { IncidentModel } from './incidentModel';
import type { Node } from './incidentTree';
import { readSettings } from '../settings';
import { askTime } from './askTime';
import type { IncidentService } from '../services';
import { openIncidentOrSay } from '../commands';
import { askText, showPick } from '../prompts';

const STATUS_HELP: Record<IncidentStatus, string> = {
  investigating: 'Looking for the cause',
  identified: 'Cause known, working on a fix',
  monitoring: 'Fix applied, watching (marks "mitigated" if not set)',
  resolved: 'Over (marks "resolved" if not set)',
};

/**
 * Palette and tree commands of the incident lifecycle; all writes go through src/core. Their picks
 * stay open when focus leaves: a webview (timeline, metrics) that had focus takes it back as the
 * Command Palette closes, which closed the next pick at once (UI scenario 5 clicks into the metrics).
 */
export class LifecycleCommands {
  constructor(private readonly incidents: IncidentService, private readonly model: IncidentModel) {}

  private who(): { actor: string } {
    return { actor: readSettings().actor };
  }

  private dir(): string | undefined {
    return openIncidentOrSay(this.incidents);
  }

  async setStatus(arg?: string): Promise<IncidentStatus | undefined> {
    const dir = this.dir();
    if (!dir) return undefined;
    const current = (await this.model.ready())?.incident.status;
    let status: string | undefined = arg;
    if (status === undefined) {
      const pick = await showPick(
        STATUSES.map((s) => ({ label: s, description: s === current ? 'current' : '', detail: STATUS_HELP[s] })),
        { title: 'Set Status', placeHolder: `Now: ${current ?? '?'}` },
      );
      status = pick?.label;
    }
    if (!status) return undefined;
    if (!isStatus(status)) throw new Error(`status must be one of ${STATUSES.join(', ')}`);
    const { implied } = await setStatus(dir, status, this.who());
    await this.model.reload();
    if (implied.length) void vscode.window.setStatusBarMessage(`Runbook Lens: status ${status}; marked ${implied.join(', ')}`, 4000);
    return status;
  }

  async markMilestone(arg?: { name?: string; at?: string } | string): Promise<string | undefined> {
    const dir = this.dir();
    if (!dir) return undefined;
    const snap = await this.model.ready();
    const given = typeof arg === 'string' ? { name: arg } : arg ?? {};
    let name: string | undefined = given.name;
    if (name === undefined) {
      const pick = await showPick(
        MILESTONES.map((m) => ({ label: m, description: snap?.incident.milestones[m] ? formatUtc(snap.incident.milestones[m]!) : '' })),
        { title: 'Mark Milestone' },
      );
      name = pick?.label;
    }
    if (!name) return undefined;
    if (!isMilestone(name)) throw new Error(`milestone must be one of ${MILESTONES.join(', ')}`);
    const at = given.at !== undefined ? parseMilestoneTime(given.at, new Date()) : await askTime(`Mark "${name}": when?`, 'now');
    if (!at) return undefined;
    const { incident, warnings } = await markMilestone(dir, name as MilestoneName, at, this.who());
    await this.model.reload();
    if (warnings.length) void vscode.window.showWarningMessage(`Runbook Lens: ${warnings.join('; ')}. Backdate the other milestone if that is wrong.`);
    return incident.milestones[name as MilestoneName];
  }

  async addNote(arg?: { text?: string } | string): Promise<string | undefined> {
    const dir = await this.incidents.ensure({ allowResolved: true });
    if (!dir) return undefined;
    let text = typeof arg === 'string' ? arg : arg?.text;
    const editor = vscode.window.activeTextEditor;
    let where: { runbook?: string; line?: number } = {};
    if (text === undefined && editor && !editor.selection.isEmpty) {
      text = editor.document.getText(editor.selection);
      if (editor.document.uri.scheme === 'file') {
        where = { runbook: vscode.workspace.asRelativePath(editor.document.uri, false), line: editor.selection.start.line + 1 };
      }
    }
    if (text === undefined) {
      text = await askText({ title: 'Add Note', prompt: 'What happened, what you saw, what you decided' });
    }
    if (!text?.trim()) return undefined;
    const e = await addNote(dir, text, { ...this.who(), ...where });
    await this.model.reload();
    void vscode.window.setStatusBarMessage('Runbook Lens: note added to the timeline', 3000);
    return e.id;
  }

  async pinEntry(arg?: string | Node, unpin = false): Promise<string | undefined> {
    const dir = this.dir();
    if (!dir) return undefined;
    let id = typeof arg === 'string' ? arg : arg && arg.kind === 'entry' ? arg.entry.id : undefined;
    if (!id) {
      const snap = await this.model.ready();
      const pinned = pinnedIds(snap?.entries ?? []);
      const candidates = sortByTime(snap?.entries ?? []).filter((e) => !isPinMarker(e) && pinned.has(e.id) === unpin).reverse().slice(0, 500);
      const pick = await showPick(
        candidates.map((e) => ({ label: describeEntry(e), description: formatUtc(e.time), id: e.id })),
        { title: unpin ? 'Unpin Entry' : 'Pin Entry (featured in the post-mortem)', matchOnDescription: true },
      );
      id = pick?.id;
    }
    if (!id) return undefined;
    const marker = await pinEntry(dir, id, { ...this.who(), unpin });
    await this.model.reload();
    return marker.id;
  }

  async setDetails(arg?: IncidentDetails): Promise<IncidentDetails | undefined> {
    const dir = this.dir();
    if (!dir) return undefined;
    let details = arg;
    if (!details) {
      const snap = await this.model.ready();
      const fields: { label: string; key: keyof IncidentDetails }[] = [
        { label: 'Impact', key: 'impact' }, { label: 'Root cause', key: 'rootCause' }, { label: 'Resolution', key: 'resolution' },
        { label: 'Commander', key: 'commander' }, { label: 'Title', key: 'title' },
      ];
      const pick = await showPick(
        fields.map((f) => ({ ...f, description: String(snap?.incident[f.key] ?? '') })),
        { title: 'Set Incident Details (used by messages and the post-mortem)' },
      );
      if (!pick) return undefined;
      const value = await askText({ title: pick.label, value: String(snap?.incident[pick.key] ?? '') });
      if (value === undefined) return undefined;
      details = { [pick.key]: value };
    }
    await setDetails(dir, details, this.who());
    await this.model.reload();
    return details;
  }

  async draftPostmortem(): Promise<string | undefined> {
    const dir = this.dir();
    if (!dir) return undefined;
    const result = await draftPostmortem(dir, {
      targets: readSettings().responseTargets,
      workspaceRoots: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    });
    await vscode.window.showTextDocument(vscode.Uri.file(result.file), { preview: false });
    const show = (f: string): string => vscode.workspace.asRelativePath(f);
    const message = `Runbook Lens: ${describeDraft(result, show)}`;
    if (result.action === 'draft' || (result.action === 'unchanged' && result.kept)) void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
    return result.file;
  }

  /** Pick another incident folder to work on. */
  async openIncident(dir?: string): Promise<string | undefined> {
    if (!this.incidents.setCurrent) return undefined;
    let chosen = dir;
    if (!chosen) {
      const root = this.incidents.incidentsRoot?.();
      const found = root ? await listIncidents(root) : [];
      const pick = await showPick(
        found.map((f) => ({ label: f.incident.title, description: `${f.incident.severity} · ${f.incident.status}`, detail: path.basename(f.dir), dir: f.dir })),
        { title: 'Open Incident', placeHolder: found.length ? 'Which incident?' : 'No incident folders yet' },
      );
      chosen = pick?.dir;
    }
    if (!chosen) return undefined;
    await this.incidents.setCurrent(chosen);
    return chosen;
  }
}
