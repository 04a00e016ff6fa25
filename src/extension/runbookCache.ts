import type * as vscode from 'vscode';
import { RunbookCache as CoreCache } from '../core/runbook/runbookCache';
import type { Runbook } from '../core/runbook/types';

/** The core cache keyed by document URI and version. */
export class RunbookCache {
  private readonly core = new CoreCache();

  get(document: vscode.TextDocument): Runbook {
    return this.core.get(document.uri.toString(), document.version, () => document.getText());
  }

  forget(uri: vscode.Uri): void {
    this.core.forget(uri.toString());
  }
}
