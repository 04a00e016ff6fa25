import { describeBlock, listLabel, shortLabel } from '../../core/runbook/blockLabel';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fillPlaceholders } from '../../core/runbook/placeholders';
import type { TimelineEntry } from '../../core/incident/types';
import { prometheusUrlFor } from '../../core/integrations/prometheusUrl';
import { executePromql, recordQuery } from '../../core/integrations/promqlRun';
import { buildQueryView } from '../../core/integrations/queryView';
import { seriesCount } from '../../core/integrations/queryResult';
import type { RunbookCache } from '../runbookCache';
import type { ExtensionServices } from '../services';
import { askPlaceholders, PlaceholderMemory } from '../run/placeholderPrompt';
import { readSettings } from '../settings';
import { refuseGenerated } from '../generatedDocument';
import type { ObservabilitySecrets } from './credentials';
import { serviceProxyWanted } from '../../core/runbook/attributes';
import type { QueryPanel } from './queryPanel';
import type { QueryRuns } from './queryRuns';

export interface QueryOptions {
  /** Placeholder values given up front (tests, run-all). */
  vars?: Record<string, string>;
}

export interface QueryDeps {
  services: ExtensionServices;
  runbooks: RunbookCache;
  runs: QueryRuns;
  panel: QueryPanel;
  secrets: ObservabilitySecrets;
}

const SETTINGS_QUERY = 'runbookLens.prometheus';

/**
 * ▶ Query: fill placeholders (asked as for shell blocks, remembered per incident), query the
 * Prometheus chosen for the current context, record a `query` entry and show the result.
 */
export async function runQuery(deps: QueryDeps, uri: vscode.Uri, index: number, options: QueryOptions = {}): Promise<TimelineEntry | undefined> {
  const { services, runbooks, runs, panel, secrets } = deps;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Runbook Lens: queries do not run in an untrusted workspace. Trust the workspace first.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (refuseGenerated(document)) return undefined;
  const block = runbooks.get(document).blocks.find((b) => b.index === index);
  if (!block || block.kind !== 'promql') {
    void vscode.window.showErrorMessage(block ? `Runbook Lens: ${describeBlock(block)} of ${path.basename(uri.fsPath)} is a ${block.lang} block, not a promql query.` : `Runbook Lens: that query is gone from ${path.basename(uri.fsPath)} (the runbook changed).`);
    return undefined;
  }
  const settings = readSettings(uri);
  const target = services.target?.current();
  const baseUrl = prometheusUrlFor(target?.context, settings.prometheusUrls, settings.prometheusDefaultUrl);
  // No URL set: the target cluster's own Prometheus Service, through the in-cluster address proxy.
  const inCluster = !baseUrl && target && services.target?.queryInCluster && settings.clusterServiceProxy && serviceProxyWanted(block.attributes);
  if (!baseUrl && !inCluster) {
    void vscode.window.showErrorMessage(
      `Runbook Lens: no Prometheus URL ${target ? `for context ${target.context}` : 'is set'}. Set runbookLens.prometheus.defaultUrl or map the context in runbookLens.prometheus.urls${target ? ', or turn on runbookLens.cluster.serviceProxy to use the cluster\'s own Prometheus' : ''}.`,
      'Open Settings',
    ).then((pick) => pick && vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS_QUERY));
    return undefined;
  }
  const incidentDir = await services.incidents.ensure();
  if (!incidentDir) return undefined;

  // Same prompts and per-incident memory as shell blocks.
  const memory = new PlaceholderMemory(services.context.workspaceState);
  const choices = target && services.target?.placeholderChoices ? (name: string) => services.target!.placeholderChoices!(name, target) : undefined;
  const values = await askPlaceholders(block.placeholders, memory.get(incidentDir), options.vars, choices);
  if (!values) return undefined;
  await memory.remember(incidentDir, values);
  const query = fillPlaceholders(block.code, values, 'promql').code;

  if (!runs.start(uri, index)) {
    void vscode.window.showInformationMessage(`Runbook Lens: ${describeBlock(block)} is already querying.`);
    return undefined;
  }
  let entry: TimelineEntry | undefined;
  try {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Querying Prometheus (${shortLabel(block)})…` },
      async () => {
        const timeoutMs = settings.prometheusTimeoutSeconds * 1000;
        if (baseUrl) return executePromql(block, query, { baseUrl, auth: await secrets.authFor(baseUrl), timeoutMs });
        const found = await services.target!.queryInCluster!(block, query, target!, timeoutMs);
        for (const note of found.notes) void vscode.window.showWarningMessage(`Runbook Lens: ${note}`);
        return found.outcome;
      },
    );
    entry = await recordQuery(outcome, {
      incidentDir,
      runbook: vscode.workspace.asRelativePath(uri, false),
      block,
      target: target ?? null,
      actor: readSettings(uri).actor,
    });
    const title = `${path.basename(uri.fsPath)} · ${listLabel(block)}`;
    panel.show(buildQueryView(outcome, title, { id: entry.id, outputFile: entry.outputFile }), entry.outputFile ? path.join(incidentDir, entry.outputFile) : undefined);
    const label = outcome.error
      ? `✗ ${outcome.errorKind === 'timeout' ? 'timed out' : 'error'}`
      : `✓ ${outcome.response ? seriesCount(outcome.response.data) : 0} series · ${(outcome.durationMs / 1000).toFixed(2)} s`;
    runs.finish(uri, index, { label, tooltip: `${outcome.error ?? entry.output ?? ''}\nClick to show the result` });
    if (outcome.error) void reportError(outcome.error, outcome.errorKind, baseUrl ?? outcome.prometheusUrl);
    return entry;
  } catch (err) {
    runs.finish(uri, index, undefined);
    void vscode.window.showErrorMessage(`Runbook Lens: the query ${describeBlock(block)} could not be recorded: ${err instanceof Error ? err.message : String(err)}`);
    return entry;
  }
}

async function reportError(message: string, kind: string | undefined, baseUrl: string): Promise<void> {
  const action = kind === 'auth' ? 'Set Credentials' : kind === 'unreachable' || kind === 'config' ? 'Open Settings' : undefined;
  const pick = await vscode.window.showErrorMessage(`Runbook Lens: ${message}`, ...(action ? [action] : []));
  if (pick === 'Set Credentials') await vscode.commands.executeCommand('runbookLens.setPrometheusCredentials', { url: baseUrl });
  if (pick === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS_QUERY);
}
