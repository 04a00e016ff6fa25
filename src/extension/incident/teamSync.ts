import * as vscode from 'vscode';
import { formatDuration } from '../../core/incident/timeFormat';
import { describeRemoteIncidents } from '../../core/team/remoteIncidents';
import { checkRemote, describeSync, joinIncident, leaveIncident, readTeamLink, repositoryOf, shareIncident, syncShared, type TeamSyncOutcome } from '../../core/team/teamIncident';
import { readPresence, writePresence } from '../../core/team/presence';
import { gitText } from '../../core/team/git';
import { readSettings } from '../settings';
import type { IncidentService } from '../services';
import type { IncidentModel } from './incidentModel';
import { readTeamSettings } from './teamSettings';
import { showPick } from '../prompts';

/** A teammate counts as active while their editor wrote its presence in the last two minutes. */
const ACTIVE_MS = 2 * 60_000;
/** Presence is rewritten this often (each write is a small commit on the incident's branch). */
const PRESENCE_EVERY_MS = 60_000;
/**
 * A sync follows an append after this pause, so a burst of entries is one sync; at most a quarter
 * of a poll interval, so a teammate's poll still sees the entry within two intervals.
 */
const DEBOUNCE_MS = 1500;

/**
 * Share Incident with Team…, Join Incident…, Leave Incident; while the open incident is shared,
 * a sync after each change (debounced) and every runbookLens.team.pollSeconds, and a status bar
 * item saying who else is active, or "offline, N entries not shared yet".
 */
export class TeamSync implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('runbookLens.team', vscode.StatusBarAlignment.Left, 49);
  private readonly subscriptions: vscode.Disposable[] = [];
  private poll: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private last: { dir: string; outcome?: TeamSyncOutcome; error?: string } | undefined;
  private presenceAt = 0;

  constructor(private readonly incidents: IncidentService, private readonly model: IncidentModel) {
    this.item.name = 'Runbook Lens: team';
    this.item.command = 'runbookLens.syncIncident';
    this.subscriptions.push(
      model.onDidChange(() => this.soon()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('runbookLens.team') && this.restartPoll()),
    );
    this.restartPoll();
    this.render();
  }

  private sharedDir(): string | undefined {
    const dir = this.incidents.currentDir();
    try {
      return dir && readTeamLink(dir) ? dir : undefined;
    } catch {
      return undefined;
    }
  }

  private restartPoll(): void {
    clearInterval(this.poll);
    this.poll = setInterval(() => void this.syncNow(), readTeamSettings().pollSeconds * 1000);
  }

  private soon(): void {
    if (!this.sharedDir()) return this.render();
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.syncNow(), Math.min(DEBOUNCE_MS, readTeamSettings().pollSeconds * 250));
  }

  /** One sync of the open incident if it is shared; calls while one runs make one more after it. */
  async syncNow(): Promise<TeamSyncOutcome | undefined> {
    if (this.running) {
      this.again = true;
      await this.running;
      return this.last?.outcome;
    }
    const dir = this.sharedDir();
    if (!dir) return this.render(), undefined;
    this.running = (async () => {
      const actor = readSettings().actor;
      if (Date.now() - this.presenceAt > PRESENCE_EVERY_MS) {
        writePresence(dir, { actor, at: new Date().toISOString() });
        this.presenceAt = Date.now();
      }
      try {
        this.last = { dir, outcome: await syncShared(dir, { actor }) };
        // Teammates' entries show now, not when the file watcher gets to it (it lags under load).
        if (this.last.outcome?.added) await this.model.reload();
      } catch (err) {
        this.last = { dir, error: (err as Error).message };
      }
    })();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
    this.render();
    if (this.again) {
      this.again = false;
      void this.syncNow();
    }
    return this.last?.outcome;
  }

  private render(): void {
    const dir = this.sharedDir();
    if (!dir) return void this.item.hide();
    const me = readSettings().actor;
    const others = readPresence(dir, new Date(), ACTIVE_MS).filter((p) => p.actor !== me);
    const last = this.last?.dir === dir ? this.last : undefined;
    const who = others.length ? ` · ${others.map((p) => p.actor).join(', ')}` : '';
    if (last?.error) {
      this.item.text = `$(warning) team sync failed${who}`;
      this.item.tooltip = `Runbook Lens: ${last.error}\n\nClick to sync again.`;
    } else if (last?.outcome?.offline) {
      const n = last.outcome.unshared;
      this.item.text = `$(cloud-offline) offline, ${n} ${n === 1 ? 'entry' : 'entries'} not shared yet${who}`;
      this.item.tooltip = `${describeSync(last.outcome)}\n\nThey go out when the remote is back. Click to sync now.`;
    } else {
      this.item.text = `$(cloud) ${others.length ? `with ${others.map((p) => p.actor).join(', ')}` : 'shared'}`;
      const seen = others.map((p) => `${p.actor}: active ${formatDuration(Date.now() - Date.parse(p.at))} ago`).join('\n');
      this.item.tooltip = `${last?.outcome ? describeSync(last.outcome) : 'Shared with the team'}${seen ? `\n\n${seen}` : ''}\n\nClick to sync now.`;
    }
    this.item.show();
  }

  private workspaceRepo(): string {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('open a folder first: the team\'s remote is a remote of the workspace\'s git repository');
    return folder.uri.fsPath;
  }

  /** The remote to use: the argument, the only one, or the user's pick. */
  private async pickRemote(cwd: string, arg?: string): Promise<string | undefined> {
    if (arg) return arg;
    const repo = await repositoryOf(cwd);
    const remotes = (await gitText(repo, ['remote'])).split('\n').filter(Boolean);
    if (!remotes.length) throw new Error(`${repo} has no git remote to share through (git remote add …)`);
    if (remotes.length === 1) return remotes[0];
    return (await showPick(remotes, { title: 'Git remote to share the incident through' })) ?? undefined;
  }

  async share(remoteArg?: string): Promise<TeamSyncOutcome | undefined> {
    const dir = this.incidents.currentDir();
    if (!dir) throw new Error('no incident is open');
    const cwd = this.workspaceRepo();
    const remote = await this.pickRemote(cwd, remoteArg);
    if (!remote) return undefined;
    const outcome = await shareIncident(dir, { cwd, remote, actor: readSettings().actor, maxSharedOutputKiB: readTeamSettings().maxSharedOutputKiB });
    this.last = { dir, outcome };
    this.render();
    void vscode.window.showInformationMessage(`Runbook Lens: incident shared on ${remote} (${describeSync(outcome)}). Teammates use Join Incident… with ${outcome.link.incidentId}.`);
    return outcome;
  }

  async join(args: { id?: string; remote?: string } = {}): Promise<string | undefined> {
    const cwd = this.workspaceRepo();
    const remote = await this.pickRemote(cwd, args.remote);
    if (!remote) return undefined;
    let id = args.id;
    if (!id) {
      const repo = await repositoryOf(cwd);
      await checkRemote(repo, remote);
      const listed = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Runbook Lens: incidents on ${remote}…` }, () => describeRemoteIncidents(repo, remote));
      if (!listed.length) throw new Error(`no incidents are shared on ${remote}`);
      const picked = await showPick(listed.map((r) => ({
        label: r.title,
        description: `${r.severity} · ${r.status} · ${r.createdAt ? `${formatDuration(Date.now() - Date.parse(r.createdAt))} ago` : ''}`,
        detail: `${r.responders.join(', ') || 'nobody yet'} · ${r.entries} entries · ${r.id}`,
        id: r.id,
      })), { title: `Join Incident (on ${remote})`, matchOnDetail: true });
      id = picked?.id;
    }
    if (!id) return undefined;
    const root = this.incidents.incidentsRoot?.();
    if (!root) throw new Error('open a folder first: incidents are recorded inside the workspace');
    const outcome = await joinIncident(id, { cwd, remote, into: root, maxSharedOutputKiB: readTeamSettings().maxSharedOutputKiB });
    this.last = { dir: outcome.dir, outcome };
    await this.incidents.setCurrent?.(outcome.dir);
    this.render();
    return outcome.dir;
  }

  leave(): boolean {
    const dir = this.incidents.currentDir();
    if (!dir) throw new Error('no incident is open');
    const had = leaveIncident(dir);
    this.last = undefined;
    this.render();
    void vscode.window.showInformationMessage(had ? 'Runbook Lens: this incident is no longer synced; what was shared stays on the remote.' : 'Runbook Lens: this incident was not shared.');
    return had;
  }

  dispose(): void {
    clearInterval(this.poll);
    clearTimeout(this.debounce);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
