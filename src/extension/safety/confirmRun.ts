/** The modal confirmation before a block runs: VS Code dialogs over the core decision. */
import * as vscode from 'vscode';
import { assessCode } from '../../core/guard/classify';
import { decideConfirmation } from '../../core/guard/confirmation';
import { codeLineOffset } from '../../core/guard/explain';
import type { Confirmation } from '../../core/incident/types';
import type { KubeTarget } from '../../core/kube/types';
import type { RunbookBlock } from '../../core/runbook/types';
import { readSafety } from './safetySettings';

function whereText(target: KubeTarget | undefined): string {
  return target ? `context "${target.context}", namespace "${target.namespace}"` : 'your current kubeconfig context (no cluster selected in Runbook Lens)';
}

export async function confirmRun(block: RunbookBlock, code: string, target: KubeTarget | undefined, scope?: vscode.Uri): Promise<Confirmation | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Runbook Lens: blocks do not run in an untrusted workspace.');
    return undefined;
  }
  const safety = readSafety(scope);
  const assessment = await assessCode(code, safety.rules);
  const decision = decideConfirmation(assessment, { attributes: block.attributes, target, protectedPatterns: safety.protectedPatterns, lineOffset: codeLineOffset(block) });
  const destructive = assessment.destructive.map((d) => d.command);
  const at = new Date().toISOString();
  const detail = decision.reasons.map((r) => `• ${r}`).join('\n');
  switch (decision.action) {
    case 'run':
      return { method: 'none', destructive: [], at };
    case 'refuse':
      await vscode.window.showErrorMessage(`Runbook Lens refused block ${block.index} (line ${block.line}). Nothing ran.`, { modal: true, detail });
      return undefined;
    case 'confirm':
    case 'type-context': {
      const go = 'Run';
      const pick = await vscode.window.showWarningMessage(
        `Run block ${block.index} on ${whereText(target)}?`,
        { modal: true, detail: `${destructive.length ? 'Destructive commands:\n' : ''}${detail}` },
        go,
      );
      if (pick !== go) return undefined;
      if (decision.action === 'confirm') return { method: 'modal', destructive, at: new Date().toISOString() };
      const context = target?.context ?? '';
      const typed = await vscode.window.showInputBox({
        title: `Protected context ${context}`,
        prompt: `Type the context name "${context}" to run block ${block.index} there`,
        placeHolder: context,
        ignoreFocusOut: true,
        validateInput: (v) => (v === context ? undefined : `Type exactly: ${context}`),
      });
      return typed === context ? { method: 'typed-context', destructive, at: new Date().toISOString() } : undefined;
    }
  }
}
