import * as vscode from 'vscode';
import type { LastRun } from '../../core/runbook/lensModel';

export type LastResult = LastRun;

/** Which blocks are running and how each one last ended, keyed by document and block index. */
export class RunState {
  private readonly running = new Map<string, AbortController[]>();
  private readonly last = new Map<string, LastResult>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  static key(uri: vscode.Uri, index: number): string {
    return `${uri.toString()}#${index}`;
  }

  /** Marks the block as running; `controller` stops it (the run's own, when it made one first). */
  start(uri: vscode.Uri, index: number, controller: AbortController = new AbortController()): AbortController {
    const key = RunState.key(uri, index);
    this.running.set(key, [...(this.running.get(key) ?? []), controller]);
    this.changed.fire();
    return controller;
  }

  finish(uri: vscode.Uri, index: number, controller: AbortController, result: LastResult | undefined): void {
    const key = RunState.key(uri, index);
    const left = (this.running.get(key) ?? []).filter((c) => c !== controller);
    if (left.length) this.running.set(key, left);
    else this.running.delete(key);
    if (result) this.last.set(key, { ...result, at: result.at ?? new Date().toISOString() });
    this.changed.fire();
  }

  isRunning(uri: vscode.Uri, index: number): boolean {
    return this.running.has(RunState.key(uri, index));
  }

  stop(uri: vscode.Uri, index: number): boolean {
    const controllers = this.running.get(RunState.key(uri, index)) ?? [];
    for (const c of controllers) c.abort();
    return controllers.length > 0;
  }

  lastResult(uri: vscode.Uri, index: number): LastResult | undefined {
    return this.last.get(RunState.key(uri, index));
  }

  dispose(): void {
    for (const list of this.running.values()) for (const c of list) c.abort();
    this.changed.dispose();
  }
}
