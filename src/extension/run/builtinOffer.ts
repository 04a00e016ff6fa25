import * as vscode from 'vscode';
import type { TimelineEntry } from '../../core/incident/types';
import { builtinActionsFor } from '../../core/incident/builtinActions';

/** After a run failed because a tool the extension replaces is missing, offer the built-in action. */
export function offerBuiltinActions(entry: TimelineEntry | undefined): void {
  const actions = entry ? builtinActionsFor(entry) : [];
  if (!actions.length) return;
  const tools = [...new Set(actions.map((a) => `\`${a.tool}\``))].join(', ');
  void vscode.window.showWarningMessage(
    `Runbook Lens: ${tools} is not installed here (exit 127). Runbook Lens has this built in.`,
    ...actions.map((a) => a.label),
  ).then((pick) => {
    const action = actions.find((a) => a.label === pick);
    if (action) void vscode.commands.executeCommand(action.command);
  });
}
