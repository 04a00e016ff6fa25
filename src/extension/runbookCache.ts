import type * as vscode from 'vscode';
import { parseRunbook } from '../core/runbook/parse';
import type { Runbook } from '../core/runbook/types';

/** Parses each document version once; lenses, runs and views share the result. */
export class RunbookCache {
  private readonly cache = new Map<string, { version: number; runbook: Runbook }>();

  get(document: vscode.TextDocument): Runbook {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.runbook;
    const runbook = parseRunbook(document.getText());
    this.cache.set(key, { version: document.version, runbook });
    return runbook;
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }
}
