import * as vscode from 'vscode';
import { RunbookCache } from './runbookCache';
import { RunController } from './run/runController';
import { IncidentSession } from './incidentSession';
import type { ExtensionServices } from './services';
import { KubeTargetService } from './kube/targetService';
import { createGuard } from './safety/guard';
import { registerRun } from './run/registerRun';
import { registerKube } from './kube/registerKube';
import { registerObservability, type ObservabilityApi } from './observability/registerObservability';
import { registerIncident, type IncidentApi } from './incident/registerIncident';
import { registerSafety } from './safety/registerSafety';
import { registerAuthoring, type AuthoringApi } from './authoring/registerAuthoring';

export interface RunbookLensApi {
  services: ExtensionServices;
  runs: RunController;
  runbooks: RunbookCache;
  incidents: IncidentSession;
  /** Incident lifecycle, timeline, messages and metrics. */
  incident: IncidentApi;
  /** Lint diagnostics and the outline view. */
  authoring: AuthoringApi;
  observability: ObservabilityApi;
}

/** What run-related features (the outline, Run All) use. */
export type RunDeps = Pick<RunbookLensApi, 'services' | 'runs' | 'runbooks' | 'incidents'>;

/**
 * Builds the shared services once, then lets each feature folder register its commands, views
 * and lenses with them. No feature fills in a service for another, so the order below does not
 * matter.
 */
export function activate(context: vscode.ExtensionContext): RunbookLensApi {
  const runbooks = new RunbookCache();
  const incidents = new IncidentSession(context.workspaceState);
  const target = new KubeTargetService(context.workspaceState, incidents);
  const lensesChanged = new vscode.EventEmitter<void>();
  const services: ExtensionServices = {
    context,
    runbooks,
    target,
    guard: createGuard(),
    incidents,
    onDidChangeLenses: lensesChanged.event,
    refreshLenses: () => lensesChanged.fire(),
  };
  const runs = new RunController(services, runbooks);
  context.subscriptions.push(incidents, target, lensesChanged, runs);

  const incident = registerIncident(services, incidents);
  const observability = registerObservability(services);
  context.subscriptions.push(
    ...registerRun(services, runs, incident.api.model),
    ...registerSafety(services),
    ...registerKube(services, target, runs),
    ...incident.disposables,
    ...observability.disposables,
  );
  const authoring = registerAuthoring({ services, runs, runbooks, incidents });
  context.subscriptions.push(...authoring.disposables);
  return { services, runs, runbooks, incidents, incident: incident.api, authoring: authoring.api, observability: observability.api };
}

export function deactivate(): void {
  // Runs are aborted by RunController.dispose through context.subscriptions.
}
