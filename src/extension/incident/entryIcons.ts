import * as vscode from 'vscode';
import type { TimelineEntry } from '../../core/incident/types';
import { isFailure, isUnfinished } from '../../core/incident/entryText';

/** Codicon per entry, coloured by outcome; the timeline webview uses the same names. */
export function entryIconName(e: TimelineEntry): string {
  // A run whose result was never recorded is neither a pass nor a failure.
  if (isUnfinished(e)) return 'watch';
  switch (e.kind) {
    case 'command': return isFailure(e) ? 'error' : 'pass';
    case 'query': return isFailure(e) ? 'error' : 'graph-line';
    case 'note': return 'note';
    case 'status': return 'pulse';
    case 'milestone': return 'milestone';
    case 'notification': return 'megaphone';
    case 'severity': return 'flame';
    case 'target': return 'target';
    default: return 'circle-small';
  }
}

export function entryIcon(e: TimelineEntry): vscode.ThemeIcon {
  const name = entryIconName(e);
  const color = name === 'error' ? 'testing.iconFailed' : name === 'pass' ? 'testing.iconPassed' : undefined;
  return new vscode.ThemeIcon(name, color ? new vscode.ThemeColor(color) : undefined);
}
