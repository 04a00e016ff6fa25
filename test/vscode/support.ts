// Shared steps for the extension-host suites (real vscode API, real processes).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../src/core/incident/types';

export const EXTENSION_ID = 'runbook-lens.runbook-lens';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suites need a workspace folder');
  return folder.uri.fsPath;
}

export function workspaceUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), rel));
}

export async function openRunbook(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(rel));
  await vscode.window.showTextDocument(doc);
  return doc;
}

export async function lensTitles(uri: vscode.Uri): Promise<{ line: number; title: string; command?: vscode.Command }[]> {
  // Opening a Markdown file activates the extension; a suite run alone must not ask before then.
  await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  // The second argument asks VS Code to resolve lenses, so titles are present.
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
  return (lenses ?? []).map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', command: l.command }));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startIncident(title: string): Promise<string> {
  const dir = await vscode.commands.executeCommand<string | undefined>('runbookLens.startIncident', { title, severity: 'P2' });
  assert.ok(dir && fs.existsSync(dir), `startIncident should return an existing folder, got ${dir}`);
  return dir;
}

export async function runBlock(uri: vscode.Uri, index: number, vars?: Record<string, string>): Promise<TimelineEntry | undefined> {
  return vscode.commands.executeCommand<TimelineEntry | undefined>('runbookLens.runBlock', uri, index, vars ? { vars } : undefined);
}

export function readTimeline(incidentDir: string): TimelineEntry[] {
  const file = path.join(incidentDir, 'timeline.jsonl');
  if (!fs.existsSync(file)) return [];
  // Results only: each run's write-ahead `started` record is left out.
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry).filter((e) => e.status !== 'started');
}

/** Sets workspace settings for the duration of `fn`, then restores them. */
export async function withSettings<T>(values: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('runbookLens');
  const keys = Object.keys(values);
  const before = keys.map((k) => config.inspect(k)?.workspaceValue);
  for (const k of keys) await config.update(k, values[k], vscode.ConfigurationTarget.Workspace);
  try {
    return await fn();
  } finally {
    for (const [i, k] of keys.entries()) await config.update(k, before[i], vscode.ConfigurationTarget.Workspace);
  }
}

export interface InputBoxCall {
  title?: string;
  value?: string;
  password?: boolean;
}

/**
 * Answers vscode.window.showInputBox as a user would, recording what was offered.
 * `answer` gets the options and returns what the user types (undefined = Escape).
 */
export async function withInputBox<T>(answer: (o: vscode.InputBoxOptions) => string | undefined, fn: (calls: InputBoxCall[]) => Promise<T>): Promise<T> {
  const win = vscode.window as { showInputBox: typeof vscode.window.showInputBox };
  const original = win.showInputBox;
  const calls: InputBoxCall[] = [];
  win.showInputBox = async (options?: vscode.InputBoxOptions) => {
    const o = options ?? {};
    calls.push({ title: o.title, value: o.value, password: o.password });
    const typed = answer(o);
    const invalid = typed !== undefined ? await o.validateInput?.(typed) : undefined;
    assert.ok(!invalid, `the input box rejected ${JSON.stringify(typed)}: ${JSON.stringify(invalid)}`);
    return typed;
  };
  try {
    return await fn(calls);
  } finally {
    win.showInputBox = original;
  }
}

/** Records the texts of vscode.window.showErrorMessage while `fn` runs (the notifications are still shown). */
export async function withErrorMessages<T>(fn: (messages: string[]) => Promise<T>): Promise<T> {
  return withMessages('showErrorMessage', fn);
}

/** Records the texts of vscode.window.showWarningMessage while `fn` runs (the notifications are still shown). */
export async function withWarningMessages<T>(fn: (messages: string[]) => Promise<T>): Promise<T> {
  return withMessages('showWarningMessage', fn);
}

async function withMessages<T>(which: 'showErrorMessage' | 'showWarningMessage', fn: (messages: string[]) => Promise<T>): Promise<T> {
  const win = vscode.window as unknown as Record<typeof which, (message: string, ...rest: unknown[]) => Thenable<unknown>>;
  const original = win[which];
  const messages: string[] = [];
  win[which] = (message: string, ...rest: unknown[]) => {
    messages.push(message);
    return original.call(vscode.window, message, ...rest);
  };
  try {
    return await fn(messages);
  } finally {
    win[which] = original;
  }
}
