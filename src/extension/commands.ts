import * as vscode from 'vscode';
import type { BlockKind } from '../core/runbook/types';
import type { BlockRef } from './blockAtCursor';
import { blockArgs } from './commandArgs';
import type { RunbookCache } from './runbookCache';

/** What went wrong, as one line (never a stack trace: the user is mid-incident). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The one way an error reaches the user: an error notification `Runbook Lens: …`, with optional buttons. */
export function showError(err: unknown, ...actions: string[]): Thenable<string | undefined> {
  return vscode.window.showErrorMessage(`Runbook Lens: ${errorText(err)}`, ...actions);
}

/**
 * Registers a command whose failures are shown with showError and resolve to undefined, so a
 * command never surfaces VS Code's "command failed" with a stack, whichever feature it is in.
 */
export function registerCommand<A extends unknown[], R>(id: string, fn: (...args: A) => R | Thenable<R>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
    try {
      return await fn(...args);
    } catch (err) {
      // Not logged: a message can quote a command with its filled-in values, and the extension
      // host's log is a file on disk.
      void showError(err);
      return undefined;
    }
  });
}

/**
 * A command about one block (see blockArgs for what callers pass). Without a block it says
 * `missing` as information, the way every block command does from the palette.
 */
export function registerBlockCommand<R>(runbooks: RunbookCache, id: string, o: { kind?: BlockKind; missing: string }, fn: (at: BlockRef, ...rest: unknown[]) => R | Thenable<R>): vscode.Disposable {
  return registerCommand(id, (...args: unknown[]) => {
    const resolved = blockArgs(runbooks, args, o.kind);
    if (!resolved) {
      void vscode.window.showInformationMessage(`Runbook Lens: ${o.missing}`);
      return undefined;
    }
    return fn(resolved.at, ...resolved.rest);
  });
}

/** The open incident's folder; without one, says so once with Start / Open buttons (every incident command says it this way). */
export function openIncidentOrSay(incidents: { currentDir(): string | undefined }): string | undefined {
  const dir = incidents.currentDir();
  if (!dir) sayNoIncident();
  return dir;
}

export function sayNoIncident(): void {
  void vscode.window.showInformationMessage('Runbook Lens: no incident is open.', 'Start Incident', 'Open Incident').then((p) => {
    if (p === 'Start Incident') void vscode.commands.executeCommand('runbookLens.startIncident');
    if (p === 'Open Incident') void vscode.commands.executeCommand('runbookLens.openIncident');
  });
}
