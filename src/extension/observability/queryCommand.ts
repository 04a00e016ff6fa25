import { describeBlock, listLabel, shortLabel } from '../../core/runbook/blockLabel';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../core/incident/types';
import { prometheusUrlFor } from '../../core/integrations/prometheusUrl';
import { promqlExecutor, runPipeline, type Executor, type RunOutcome } from '../../core/run';
import { editorDriver, workspaceTrusted } from '../run/editorDriver';
import { buildQueryView } from '../../core/integrations/queryView';
import { seriesCount } from '../../core/integrations/queryResult';
import type { RunbookCache } from '../runbookCache';
import type { ExtensionServices } from '../services';
import { PlaceholderMemory } from '../run/placeholderPrompt';
import { readSettings } from '../settings';
import { serviceProxyWanted } from '../../core/runbook/attributes';
import { refuseGenerated } from '../generatedDocument';
import type { ObservabilitySecrets } from './credentials';
import type { QueryPanel } from './queryPanel';
import type { QueryRuns } from './queryRuns';
import { showError } from '../commands';

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
 * ▶ Query: a run of the one pipeline (src/core/run) with the PromQL executor: placeholders asked
 * as for shell blocks (remembered per incident), the Prometheus chosen for the run's context,
 * a `query` entry recorded, and the result shown.
 */
export async function runQuery(deps: QueryDeps, uri: vscode.Uri, index: number, options: QueryOptions = {}): Promise<TimelineEntry | undefined> {
  const { services, runbooks, runs, panel, secrets } = deps;
  if (!(await workspaceTrusted('queries do not run'))) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  if (refuseGenerated(document)) return undefined;
  const block = runbooks.get(document).blocks.find((b) => b.index === index);
  if (!block || block.kind !== 'promql') {
    void showError(block ? `${describeBlock(block)} of ${path.basename(uri.fsPath)} is a ${block.lang} block, not a promql query.` : `that query is gone from ${path.basename(uri.fsPath)} (the runbook changed).`);
    return undefined;
  }
  const settings = readSettings(uri);
  const target = services.target?.current();
  const baseUrl = prometheusUrlFor(target?.context, settings.prometheusUrls, settings.prometheusDefaultUrl);
  // No URL set: the target cluster's own Prometheus Service, through the in-cluster address proxy.
  const inCluster = !baseUrl && target && services.target?.queryInCluster && settings.clusterServiceProxy && serviceProxyWanted(block.attributes);
  if (!baseUrl && !inCluster) {
    void showError(
      `no Prometheus URL ${target ? `for context ${target.context}` : 'is set'}. Set runbookLens.prometheus.defaultUrl or map the context in runbookLens.prometheus.urls${target ? ', or turn on runbookLens.cluster.serviceProxy to use the cluster\'s own Prometheus' : ''}.`,
      'Open Settings',
    ).then((pick) => pick && vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS_QUERY));
    return undefined;
  }
  const incidentDir = await services.incidents.ensure();
  if (!incidentDir) return undefined;
  if (runs.isRunning(uri, index)) {
    void vscode.window.showInformationMessage(`Runbook Lens: ${describeBlock(block)} is already querying.`);
    return undefined;
  }

  // Same prompts and per-incident memory as shell blocks; the Prometheus of the run's target.
  const driver = editorDriver({ services, memory: new PlaceholderMemory(services.context.workspaceState), incidentDir });
  let started = false;
  driver.progress = (step) => {
    if (step === 'started') started = runs.start(uri, index);
  };
  const query: Executor = baseUrl
    ? promqlExecutor(async (run) => {
      const url = prometheusUrlFor(run.target?.context, settings.prometheusUrls, settings.prometheusDefaultUrl) ?? baseUrl;
      return { baseUrl: url, auth: await secrets.authFor(url) };
    })
    : {
      kind: 'promql',
      records: 'query',
      async execute(run) {
        const found = await services.target!.queryInCluster!(run.block, run.code, run.target ?? target!, run.timeoutMs, run.secrets);
        for (const note of found.notes) void vscode.window.showWarningMessage(`Runbook Lens: ${note}`);
        return { kind: 'query', outcome: found.outcome };
      },
    };
  const executor: Executor = {
    ...query,
    execute: (run, io) => Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Querying Prometheus (${shortLabel(block)})…` },
      () => query.execute(run, io),
    )),
  };
  let outcome: RunOutcome | undefined;
  try {
    outcome = await runPipeline({
      runbookPath: uri.fsPath,
      runbookRel: vscode.workspace.asRelativePath(uri, false),
      block,
      incidentDir,
      vars: options.vars,
      target: { fallback: target ?? null },
      defaultTimeoutSeconds: settings.prometheusTimeoutSeconds,
      actor: readSettings(uri).actor,
    }, driver, { executor });
  } finally {
    if (started && outcome?.status !== 'done') runs.finish(uri, index, undefined);
    if (outcome?.status === 'done') services.incidents.recorded();
  }
  if (outcome.status === 'invalid') {
    void showError(`${describeBlock(block)} has unfilled placeholders.`);
    return undefined;
  }
  if (outcome.status !== 'done' || outcome.result.kind !== 'query') return undefined;
  const result = outcome.result.outcome;
  const entry = outcome.entry;
  const title = `${path.basename(uri.fsPath)} · ${listLabel(block)}`;
  panel.show(buildQueryView(result, title, entry ? { id: entry.id, outputFile: entry.outputFile } : undefined), entry?.outputFile ? path.join(incidentDir, entry.outputFile) : undefined);
  const label = result.error
    ? `✗ ${result.errorKind === 'timeout' ? 'timed out' : 'error'}`
    : `✓ ${result.response ? seriesCount(result.response.data) : 0} series · ${(result.durationMs / 1000).toFixed(2)} s`;
  runs.finish(uri, index, { label, tooltip: `${result.error ?? entry?.output ?? ''}\nClick to show the result` });
  if (result.error) void reportError(result.error, result.errorKind, result.prometheusUrl);
  return entry;
}

async function reportError(message: string, kind: string | undefined, baseUrl: string): Promise<void> {
  const action = kind === 'auth' ? 'Set Credentials' : kind === 'unreachable' || kind === 'config' ? 'Open Settings' : undefined;
  const pick = await showError(`${message}`, ...(action ? [action] : []));
  if (pick === 'Set Credentials') await vscode.commands.executeCommand('runbookLens.setPrometheusCredentials', { url: baseUrl });
  if (pick === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS_QUERY);
}
