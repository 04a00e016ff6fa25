import type * as vscode from 'vscode';
import type { RunbookBlock } from '../core/runbook/types';
import type { KubeTarget } from '../core/kube/types';
import type { LiveChoice } from '../core/kube/liveChoices';
import type { PromqlOutcome } from '../core/integrations/promqlRun';
import type { ServiceProxyScope } from '../core/kube/serviceProxy/runProxy';
import type { RunbookCache } from './runbookCache';

/** Where runs go: the cluster target (kube/targetService.ts). */
export interface TargetService {
  current(): KubeTarget | undefined;
  onDidChange: vscode.Event<void>;
  /** Environment pinning a run to `target` (a scoped KUBECONFIG); dispose removes it. */
  scopedEnv(target: KubeTarget): Promise<{ env: NodeJS.ProcessEnv; dispose(): Promise<void> }>;
  /** The in-cluster address proxy for one run on `target` (secrets: masked in its recorded paths). */
  serviceProxy?(target: KubeTarget, secrets: string[]): Promise<ServiceProxyScope>;
  /** A promql block without a configured URL, on the target cluster's own Prometheus Service. */
  queryInCluster?(block: Pick<RunbookBlock, 'attributes'>, query: string, target: KubeTarget, timeoutMs?: number, secrets?: string[]): Promise<{ outcome: PromqlOutcome; notes: string[] }>;
  /** Live choices for placeholders that name Kubernetes objects (pods with status, restarts, age), or undefined. */
  placeholderChoices?(name: string, target: KubeTarget): Promise<LiveChoice[] | undefined>;
}

/** Workspace Trust for the lenses (safety/guard.ts); consent itself is a step of the run pipeline (core/run/confirm.ts). */
export interface GuardService {
  /** Extra lens shown instead of Run (e.g. untrusted workspace), or undefined. */
  blockedReason?(): { title: string; command: string; tooltip?: string } | undefined;
}

/** What the caller knows that helps start an incident, e.g. the alerts it is about to import. */
export interface EnsureHint {
  earliestAlert?: { name: string; startsAt: string };
  /** Notes and PagerDuty events may follow a resolution; runs ask first (reopen, start new, cancel). */
  allowResolved?: boolean;
}

/** The open incident. */
export interface IncidentService {
  currentDir(): string | undefined;
  /** Returns the open incident folder, offering to start one when none is open. */
  ensure(hint?: EnsureHint): Promise<string | undefined>;
  onDidChange: vscode.Event<void>;
  /** Fires when a run was recorded in the open incident (views reload without waiting for a file watcher). */
  onDidRecord: vscode.Event<void>;
  recorded(): void;
  /** The folder that holds incident folders (setting runbookLens.incidentsDir in the workspace). */
  incidentsRoot?(): string | undefined;
  /** Makes another incident folder the open one (undefined closes it). */
  setCurrent?(dir: string | undefined): Promise<void>;
}

/**
 * The services every feature shares, built once at activation (extension.ts) and passed to each
 * feature's register function, so no feature depends on another having registered first.
 */
export interface ExtensionServices {
  context: vscode.ExtensionContext;
  /** Parses each document version once for lenses, runs, diagnostics and views. */
  runbooks: RunbookCache;
  target: TargetService;
  guard: GuardService;
  incidents: IncidentService;
  /** Fires when lenses must be recomputed (run state, target, trust). */
  onDidChangeLenses: vscode.Event<void>;
  refreshLenses(): void;
}
