import * as vscode from 'vscode';
import { registerBlockCommand, registerCommand } from '../commands';
import type { ExtensionServices } from '../services';
import { importAlerts, openRunbookForAlert, type ImportArgs } from './alertCommands';
import { setPagerDutyKey, setPrometheusCredentials, type CredentialArgs } from './credentialCommands';
import { ObservabilitySecrets } from './credentials';
import { pagerDutyCommand } from './pagerdutyCommands';
import { PromqlCodeLensProvider } from './promqlLens';
import { QueryPanel } from './queryPanel';
import { runQuery, type QueryOptions } from './queryCommand';
import { QueryRuns } from './queryRuns';

export interface ObservabilityApi {
  panel: QueryPanel;
  runs: QueryRuns;
}

/**
 * PromQL blocks (▶ Query lens, results webview), Alertmanager import, Open Runbook for Alert,
 * PagerDuty acknowledge/resolve and the credentials they need.
 */
export function registerObservability(services: ExtensionServices): { api: ObservabilityApi; disposables: vscode.Disposable[] } {
  const { context, runbooks } = services;
  const secrets = new ObservabilitySecrets(context.secrets);
  const runs = new QueryRuns();
  const panel = new QueryPanel(context.extensionUri);
  const lenses = new PromqlCodeLensProvider(services, runbooks, runs);
  const deps = { services, runbooks, runs, panel, secrets };

  const disposables = [
    runs,
    panel,
    lenses,
    vscode.languages.registerCodeLensProvider([{ language: 'markdown' }], lenses),
    runs.onDidChange(() => lenses.refresh()),
    services.onDidChangeLenses(() => lenses.refresh()),
    services.incidents.onDidChange(() => lenses.refresh()),
    services.target.onDidChange(() => lenses.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()),
    registerBlockCommand(runbooks, 'runbookLens.runQuery', { kind: 'promql', missing: 'put the cursor in a promql block of a runbook.' }, (at, opts) =>
      runQuery(deps, at.uri, at.index, opts as QueryOptions | undefined)),
    registerCommand('runbookLens.showQueryResult', () => {
      const view = panel.current();
      if (view) panel.reveal();
      else void vscode.window.showInformationMessage('Runbook Lens: no query has run in this window yet.');
      return view;
    }),
    registerCommand('runbookLens.setPrometheusCredentials', (args?: CredentialArgs) => setPrometheusCredentials(secrets, args)),
    registerCommand('runbookLens.setPagerDutyKey', (key?: string) => setPagerDutyKey(secrets, key)),
    registerCommand('runbookLens.importAlerts', (args?: ImportArgs) => importAlerts(services, secrets, args)),
    registerCommand('runbookLens.openRunbookForAlert', (arg?: string | { runbook_url?: string }) => openRunbookForAlert(services, secrets, runbooks, arg)),
    registerCommand('runbookLens.pagerdutyAcknowledge', (args?: { dedupKey?: string }) => pagerDutyCommand(services, secrets, 'acknowledge', args)),
    registerCommand('runbookLens.pagerdutyResolve', (args?: { dedupKey?: string }) => pagerDutyCommand(services, secrets, 'resolve', args)),
  ];
  return { api: { panel, runs }, disposables };
}
