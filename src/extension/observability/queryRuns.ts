import * as vscode from 'vscode';

export interface LastQuery {
  label: string;
  tooltip: string;
}

/** Which promql blocks are querying now, and each block's last result label (this session only). */
export class QueryRuns implements vscode.Disposable {
  private readonly running = new Set<string>();
  private readonly results = new Map<string, LastQuery>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  private key(uri: vscode.Uri, index: number): string {
    return `${uri.toString()}#${index}`;
  }

  dispose(): void {
    this.changed.dispose();
  }

  isRunning(uri: vscode.Uri, index: number): boolean {
    return this.running.has(this.key(uri, index));
  }

  /** false when that block is already querying. */
  start(uri: vscode.Uri, index: number): boolean {
    const k = this.key(uri, index);
    if (this.running.has(k)) return false;
    this.running.add(k);
    this.changed.fire();
    return true;
  }

  finish(uri: vscode.Uri, index: number, result: LastQuery | undefined): void {
    const k = this.key(uri, index);
    this.running.delete(k);
    if (result) this.results.set(k, result);
    this.changed.fire();
  }

  last(uri: vscode.Uri, index: number): LastQuery | undefined {
    return this.results.get(this.key(uri, index));
  }
}
