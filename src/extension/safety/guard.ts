import * as vscode from 'vscode';
import type { GuardService } from '../services';

/** Workspace Trust for the lenses: what shows instead of ▶ Run in an untrusted workspace. */
export function createGuard(): GuardService {
  return {
    blockedReason: () => (vscode.workspace.isTrusted
      ? undefined
      : { title: '⚠ Runs disabled: workspace not trusted', command: 'workbench.trust.manage', tooltip: 'A runbook is text someone else wrote: nothing runs until you trust this workspace. Click to manage Workspace Trust.' }),
  };
}
