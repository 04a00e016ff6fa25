import * as vscode from 'vscode';
import { registerCommand as register, sayNoIncident } from '../commands';
import type { IncidentSession, StartIncidentArgs } from '../incidentSession';
import type { ExtensionServices } from '../services';
import { MESSAGE_KINDS } from '../../core/incident/comms';
import type { IncidentDetails } from '../../core/incident/lifecycle';
import { oneOfArg, optionsArg, stringArg, uriArg } from '../commandArgs';
import { IncidentModel } from './incidentModel';
import { IncidentStatusBar } from './statusBar';
import { IncidentTreeProvider, type Node } from './incidentTree';
import { LifecycleCommands } from './lifecycleCommands';
import { TimelinePanel } from './timelinePanel';
import { MetricsPanel } from './metricsPanel';
import { composeDraft, copyDraft, postDraft, setWebhook } from './messages';
import { UpdateReminders } from './updateReminders';
import { openEntry } from './openEntry';
import { TeamSync } from './teamSync';
import { showPick } from '../prompts';

export interface IncidentApi {
  model: IncidentModel;
  /** The Incident view's tree (tests read its real nodes). */
  tree: IncidentTreeProvider;
  reminders: UpdateReminders;
}

/** An entry id, or the Incident view's entry node that item menus pass. */
function entryArg(a: unknown): string | Node | undefined {
  if (typeof a === 'string') return a;
  return a && typeof a === 'object' && (a as Node).kind === 'entry' && (a as { entry?: unknown }).entry ? (a as Node) : undefined;
}

/** Incident lifecycle, timeline view, post-mortem, messages and metrics (issue 6). */
export function registerIncident(services: ExtensionServices, session: IncidentSession): { api: IncidentApi; disposables: vscode.Disposable[] } {
  const ctx = services.context;
  const model = new IncidentModel(services.incidents);
  const commands = new LifecycleCommands(services.incidents, model);
  const tree = new IncidentTreeProvider(model);
  const reminders = new UpdateReminders(model);
  const pin = async (id: string, unpin: boolean): Promise<void> => { await commands.pinEntry(id, unpin); };
  const showTimeline = async (): Promise<boolean> => {
    if (!(await model.ready())) {
      sayNoIncident();
      return false;
    }
    TimelinePanel.show(ctx.extensionUri, model, pin);
    return true;
  };

  const team = new TeamSync(services.incidents, model);
  const disposables = [
    model,
    tree,
    team,
    register('runbookLens.shareIncident', (remote?: unknown) => team.share(stringArg(remote))),
    register('runbookLens.joinIncident', (a?: unknown) => team.join(optionsArg<{ id?: string; remote?: string }>(a, ['id', 'remote']) ?? {})),
    register('runbookLens.leaveIncident', async () => team.leave()),
    register('runbookLens.syncIncident', () => team.syncNow()),
    reminders,
    new IncidentStatusBar(model),
    vscode.window.registerTreeDataProvider('runbookLens.incident', tree),
    // Menus pass their own context (see commandArgs.ts): each argument is read only when it has the documented shape.
    register('runbookLens.startIncident', (args?: unknown) =>
      session.start(optionsArg<StartIncidentArgs>(args, ['title', 'severity', 'commander', 'impactStart', 'earliestAlert']) ?? {})),
    register('runbookLens.setStatus', (s?: unknown) => commands.setStatus(stringArg(s))),
    register('runbookLens.markMilestone', (a?: unknown) => commands.markMilestone(stringArg(a) ?? optionsArg<{ name?: string; at?: string }>(a, ['name', 'at']))),
    register('runbookLens.addNote', (a?: unknown) => commands.addNote(stringArg(a) ?? optionsArg<{ text?: string }>(a, ['text']))),
    register('runbookLens.pinEntry', (a?: unknown) => commands.pinEntry(entryArg(a))),
    register('runbookLens.unpinEntry', (a?: unknown) => commands.pinEntry(entryArg(a), true)),
    register('runbookLens.setIncidentDetails', (a?: unknown) => commands.setDetails(optionsArg<IncidentDetails>(a, ['impact', 'rootCause', 'resolution', 'title', 'commander']))),
    register('runbookLens.openIncident', (dir?: unknown) => commands.openIncident(stringArg(dir))),
    register('runbookLens.showTimeline', showTimeline),
    register('runbookLens.openEntry', async (id: string) => {
      const snap = await model.ready();
      const entry = snap?.entries.find((e) => e.id === id);
      return snap && entry ? openEntry(snap.dir, entry) : undefined;
    }),
    register('runbookLens.draftPostmortem', () => commands.draftPostmortem()),
    register('runbookLens.composeMessage', async (kind?: unknown) => {
      if (typeof kind === 'string' && !oneOfArg(kind, MESSAGE_KINDS)) throw new Error(`the message must be one of ${MESSAGE_KINDS.join(', ')} (got "${kind}")`);
      return (await composeDraft(model, oneOfArg(kind, MESSAGE_KINDS)))?.fsPath;
    }),
    register('runbookLens.postMessage', (uri?: unknown) => postDraft(ctx.secrets, model, uriArg(uri))),
    register('runbookLens.copyMessage', (uri?: unknown) => copyDraft(model, uriArg(uri))),
    register('runbookLens.setSlackWebhook', (url?: unknown) => setWebhook(ctx.secrets, stringArg(url))),
    register('runbookLens.showMetrics', async (root?: unknown) => {
      const dir = stringArg(root) ?? services.incidents.incidentsRoot?.();
      if (!dir) throw new Error('open a folder first; metrics read the incident folders inside the workspace');
      await MetricsPanel.show(ctx.extensionUri, dir, async (incidentDir) => {
        await commands.openIncident(incidentDir);
        await model.reload();
        await showTimeline();
      }, model.onDidChange);
      return dir;
    }),
    register('runbookLens.incidentActions', async () => {
      const actions: [string, string][] = [
        ['$(pulse) Set Status…', 'runbookLens.setStatus'],
        ['$(milestone) Mark Milestone…', 'runbookLens.markMilestone'],
        ['$(note) Add Note…', 'runbookLens.addNote'],
        ['$(list-flat) Show Timeline', 'runbookLens.showTimeline'],
        ['$(megaphone) Compose Message…', 'runbookLens.composeMessage'],
        ['$(edit) Set Incident Details…', 'runbookLens.setIncidentDetails'],
        ['$(book) Draft Post-mortem', 'runbookLens.draftPostmortem'],
        ['$(folder-opened) Open Another Incident…', 'runbookLens.openIncident'],
      ];
      const pick = await showPick(actions.map(([label, command]) => ({ label, command })), { title: 'Incident' });
      if (pick) await vscode.commands.executeCommand(pick.command);
    }),
  ];
  return { api: { model, tree, reminders }, disposables };
}
