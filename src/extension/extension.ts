import * as vscode from 'vscode';
import { RunbookCache } from './runbookCache';
import { RunbookCodeLensProvider } from './codeLens';
import { RunController } from './run/runController';
import { runSelectionCommand, trackSelectionInBlock } from './run/runSelection';
import { IncidentSession, type StartIncidentArgs } from './incidentSession';
import type { ExtensionServices } from './services';
import { optionsArg } from './commandArgs';
import { registerKube } from './kube/registerKube';
import { registerObservability } from './observability/registerObservability';
import { registerIncident, type IncidentApi } from './incident/registerIncident';
import { registerSafety } from './safety/registerSafety';
import { registerAuthoring, type AuthoringApi } from './authoring/registerAuthoring';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export interface RunbookLensApi {
  services: ExtensionServices;
  runs: RunController;
  runbooks: RunbookCache;
  incidents: IncidentSession;
  /** Incident lifecycle, timeline, messages and metrics (set once activation registers them). */
  incident?: IncidentApi;
  /** Lint diagnostics and the outline view (set once activation registers them). */
  authoring?: AuthoringApi;
}

export function activate(context: vscode.ExtensionContext): RunbookLensApi {
  const runbooks = new RunbookCache();
  const incidents = new IncidentSession(context.workspaceState);
  const services: ExtensionServices = {
    context,
    target: undefined,
    guard: undefined,
    incidents,
    refreshLenses: () => lenses.refresh(),
  };
  const runs = new RunController(services, runbooks);
  const lenses = new RunbookCodeLensProvider(services, runbooks, runs.state);
  const api: RunbookLensApi = { services, runs, runbooks, incidents };

  context.subscriptions.push(
    incidents,
    runs,
    vscode.languages.registerCodeLensProvider(MARKDOWN, lenses),
    runs.state.onDidChange(() => lenses.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()),
    vscode.workspace.onDidCloseTextDocument((d) => runbooks.forget(d.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('runbookLens')) lenses.refresh();
    }),
    vscode.commands.registerCommand('runbookLens.runBlock', (uri?: vscode.Uri, index?: number, opts?: { vars?: Record<string, string> }) =>
      withBlock(uri, index, (u, i) => runs.run(u, i, opts))),
    vscode.commands.registerCommand('runbookLens.stopBlock', (uri?: vscode.Uri, index?: number) => withBlock(uri, index, (u, i) => runs.stop(u, i))),
    vscode.commands.registerCommand('runbookLens.runInTerminal', (uri?: vscode.Uri, index?: number, opts?: { vars?: Record<string, string> }) =>
      withBlock(uri, index, (u, i) => runs.runInTerminal(u, i, opts))),
    vscode.commands.registerCommand('runbookLens.copyBlock', (uri?: vscode.Uri, index?: number) => withBlock(uri, index, (u, i) => runs.copy(u, i))),
    vscode.commands.registerCommand('runbookLens.runSelection', (arg?: unknown) => runSelectionCommand(runs, runbooks, arg)),
    trackSelectionInBlock(runbooks),
    vscode.commands.registerCommand('runbookLens.showOutput', () => runs.showOutput()),
    vscode.commands.registerCommand('runbookLens.startIncident', (args?: unknown) =>
      incidents.start(optionsArg<StartIncidentArgs>(args, ['title', 'severity', 'commander', 'impactStart', 'earliestAlert']) ?? {})),
  );
  // Feature areas register here (cluster targeting, safety, incidents, observability, authoring).
  registerSafety(context, services);
  registerKube(context, services, runs);
  registerObservability(context, services, runbooks);
  api.incident = registerIncident(context, services);
  api.authoring = registerAuthoring(context, api);
  return api;

  /** Commands take (uri, index) from lenses; from the palette they use the block under the cursor. */
  function withBlock<T>(uri: vscode.Uri | undefined, index: number | undefined, fn: (u: vscode.Uri, i: number) => T): T | undefined {
    if (uri && index) return fn(uri, index);
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Runbook Lens: open a runbook and put the cursor in a shell block.');
      return undefined;
    }
    const line = editor.selection.active.line + 1;
    const block = runbooks.get(editor.document).blocks.find((b) => b.line <= line && line <= b.endLine);
    if (!block) {
      void vscode.window.showInformationMessage('Runbook Lens: the cursor is not inside a runnable block.');
      return undefined;
    }
    return fn(editor.document.uri, block.index);
  }
}

export function deactivate(): void {
  // Runs are aborted by RunController.dispose through context.subscriptions.
}
