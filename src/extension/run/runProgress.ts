import * as vscode from 'vscode';
import { progressText } from '../../core/exec/liveOutput';
import type { RunProgress } from '../../core/exec/runner';

/**
 * A long run's progress in the status bar: bytes recorded so far and elapsed time (the runner
 * reports at most every 250 ms). Clicking it runs Follow Output.
 */
export class RunProgressStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('runbookLens.runProgress', vscode.StatusBarAlignment.Left, 49);

  constructor() {
    this.item.name = 'Runbook Lens: run progress';
    this.item.command = 'runbookLens.followOutput';
    this.item.tooltip = 'Output recorded so far. Click to follow the output file.';
  }

  update(label: string, p: RunProgress): void {
    this.item.text = `$(sync~spin) ${label}: ${progressText(p)}`;
    this.item.show();
  }

  finish(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
