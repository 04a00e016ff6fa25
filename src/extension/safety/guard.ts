import * as vscode from 'vscode';
import type { GuardService } from '../services';
import { confirmRun } from './confirmRun';

/** The guard every run consults: the confirmation dialogs, and Workspace Trust for the lenses. */
export function createGuard(): GuardService {
  return {
    confirmRun: (block, code, target) => confirmRun(block, code, target, vscode.window.activeTextEditor?.document.uri),
    blockedReason: () => (vscode.workspace.isTrusted
      ? undefined
      : { title: '⚠ Runs disabled: workspace not trusted', command: 'workbench.trust.manage', tooltip: 'A runbook is text someone else wrote: nothing runs until you trust this workspace. Click to manage Workspace Trust.' }),
  };
}
