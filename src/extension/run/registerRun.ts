import * as vscode from 'vscode';
import { RunbookCodeLensProvider } from '../codeLens';
import { registerBlockCommand, registerCommand } from '../commands';
import type { ExtensionServices } from '../services';
import type { RunController } from './runController';
import type { IncidentModel } from '../incident/incidentModel';
import { runSelectionCommand, trackSelectionInBlock } from './runSelection';

type RunArgs = { vars?: Record<string, string> } | undefined;

const MISSING = 'open a runbook and put the cursor in a shell block.';

/** ▶ Run and the other shell-block lenses, and the commands behind them. */
export function registerRun(services: ExtensionServices, runs: RunController, incident?: IncidentModel): vscode.Disposable[] {
  const { runbooks } = services;
  const lenses = new RunbookCodeLensProvider(services, runbooks, runs.state, incident);
  return [
    ...(incident ? [incident.onDidChange(() => lenses.refresh())] : []),
    vscode.languages.registerCodeLensProvider([{ language: 'markdown' }], lenses),
    services.onDidChangeLenses(() => lenses.refresh()),
    runs.state.onDidChange(() => lenses.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()),
    vscode.workspace.onDidCloseTextDocument((d) => runbooks.forget(d.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('runbookLens')) lenses.refresh();
    }),
    registerBlockCommand(runbooks, 'runbookLens.runBlock', { missing: MISSING }, (at, opts) => runs.run(at.uri, at.index, opts as RunArgs)),
    registerBlockCommand(runbooks, 'runbookLens.stopBlock', { missing: MISSING }, (at) => runs.stop(at.uri, at.index)),
    registerBlockCommand(runbooks, 'runbookLens.runInTerminal', { missing: MISSING }, (at, opts) => runs.runInTerminal(at.uri, at.index, opts as RunArgs)),
    registerBlockCommand(runbooks, 'runbookLens.copyBlock', { missing: MISSING }, (at) => runs.copy(at.uri, at.index)),
    registerCommand('runbookLens.runSelection', (arg?: unknown) => runSelectionCommand(runs, runbooks, arg)),
    trackSelectionInBlock(runbooks),
    registerCommand('runbookLens.showOutput', () => runs.showOutput()),
    registerCommand('runbookLens.followOutput', () => runs.follower.follow()),
  ];
}
