import * as vscode from 'vscode';
import { RunbookCache } from '../runbookCache';
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
 * PagerDuty acknowledge/resolve and the credentials they need. Pass the shared RunbookCache so
 * documents are parsed once.
 */
export function registerObservability(context: vscode.ExtensionContext, services: ExtensionServices, runbooks: RunbookCache = new RunbookCache()): ObservabilityApi {
  const secrets = new ObservabilitySecrets(context.secrets);
  const runs = new QueryRuns();
  const panel = new QueryPanel(context.extensionUri);
  const lenses = new PromqlCodeLensProvider(services, runbooks, runs);
  const deps = { services, runbooks, runs, panel, secrets };

  context.subscriptions.push(
    runs,
    panel,
    lenses,
    vscode.languages.registerCodeLensProvider([{ language: 'markdown' }], lenses),
    runs.onDidChange(() => lenses.refresh()),
    services.incidents.onDidChange(() => lenses.refresh()),
    ...(services.target ? [services.target.onDidChange(() => lenses.refresh())] : []),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()),
    vscode.commands.registerCommand('runbookLens.runQuery', async (uri?: vscode.Uri, index?: number, opts?: QueryOptions) => {
      const at = uri && index ? { uri, index } : promqlBlockAtCursor(runbooks);
      return at ? runQuery(deps, at.uri, at.index, opts) : undefined;
    }),
    vscode.commands.registerCommand('runbookLens.showQueryResult', () => {
      const view = panel.current();
      if (view) panel.reveal();
      else void vscode.window.showInformationMessage('Runbook Lens: no query has run in this window yet.');
      return view;
    }),
    vscode.commands.registerCommand('runbookLens.setPrometheusCredentials', (args?: CredentialArgs) => setPrometheusCredentials(secrets, args)),
    vscode.commands.registerCommand('runbookLens.setPagerDutyKey', (key?: string) => setPagerDutyKey(secrets, key)),
    vscode.commands.registerCommand('runbookLens.importAlerts', (args?: ImportArgs) => importAlerts(services, secrets, args)),
    vscode.commands.registerCommand('runbookLens.openRunbookForAlert', (arg?: string | { runbook_url?: string }) => openRunbookForAlert(services, secrets, runbooks, arg)),
    vscode.commands.registerCommand('runbookLens.pagerdutyAcknowledge', (args?: { dedupKey?: string }) => pagerDutyCommand(services, secrets, 'acknowledge', args)),
    vscode.commands.registerCommand('runbookLens.pagerdutyResolve', (args?: { dedupKey?: string }) => pagerDutyCommand(services, secrets, 'resolve', args)),
  );
  return { panel, runs };
}

/** From the palette: the promql block under the cursor. */
function promqlBlockAtCursor(runbooks: RunbookCache): { uri: vscode.Uri; index: number } | undefined {
  const editor = vscode.window.activeTextEditor;
  const line = editor ? editor.selection.active.line + 1 : 0;
  const block = editor?.document.languageId === 'markdown'
    ? runbooks.get(editor.document).blocks.find((b) => b.kind === 'promql' && b.line <= line && line <= b.endLine)
    : undefined;
  if (!editor || !block) {
    void vscode.window.showInformationMessage('Runbook Lens: put the cursor in a promql block of a runbook.');
    return undefined;
  }
  return { uri: editor.document.uri, index: block.index };
}
