import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readSettingsFrom } from '../core/config/readSettings';
import type { Settings } from '../core/config/schema';
import { safetyConfig, type SafetyConfig } from '../core/config/safety';
import { defaultActor } from '../core/team/actor';

export type { Settings } from '../core/config/schema';

/** Each bad value is shown once, until it is fixed or changed (readers run on every lens refresh). */
const shown = new Set<string>();

/**
 * All `runbookLens.*` settings for `scope`, through the one schema in core. A bad value shows a
 * warning naming it and the default is used; nothing throws. An empty `actor` is git's user.name
 * (else user.email) in the workspace folder, else the OS user name, as the CLI resolves it.
 */
export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration(undefined, scope);
  const { settings, problems } = readSettingsFrom((key) => c.get(key));
  for (const p of problems) if (!shown.has(p)) void vscode.window.showWarningMessage(`Runbook Lens: ${p}.`);
  shown.clear();
  for (const p of problems) shown.add(p);
  return { ...settings, actor: settings.actor || workspaceActor(scope) };
}

/** Lenses read settings on every refresh: git is asked at most every few seconds per folder. */
const ACTOR_TTL_MS = 5000;
const actors = new Map<string, { actor: string; at: number }>();

function workspaceActor(scope?: vscode.Uri): string {
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  const cwd = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
  const key = cwd ?? '';
  const cached = actors.get(key);
  if (cached && Date.now() - cached.at < ACTOR_TTL_MS) return cached.actor;
  const actor = defaultActor(cwd) ?? os.userInfo().username;
  actors.set(key, { actor, at: Date.now() });
  return actor;
}

/** `runbookLens.safety.*` as the guard uses it. */
export function readSafety(scope?: vscode.Uri): SafetyConfig {
  return safetyConfig(readSettings(scope));
}

/**
 * `runbookLens.kubeconfig` with `~` and `${workspaceFolder}` expanded and relative paths
 * resolved against the workspace folder; undefined when the list is empty.
 */
export function configuredKubeconfigs(): string[] | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const expanded = readSettings().kubeconfig
    .map((f) => f.trim().replace(/^~(?=$|[/\\])/, os.homedir()).replace(/\$\{workspaceFolder\}/g, folder ?? '.'))
    .map((f) => (path.isAbsolute(f) ? f : path.resolve(folder ?? process.cwd(), f)));
  return expanded.length > 0 ? expanded : undefined;
}
