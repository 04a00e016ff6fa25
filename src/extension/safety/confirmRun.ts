/** The modal confirmation before a block runs: VS Code dialogs over the core decision. */
import * as vscode from 'vscode';
import { consentQuestion, refusedText, typeContextPrompt } from '../../core/guard/consentText';
import { judgeBlock } from '../../core/guard/judgeBlock';
import type { Confirmation } from '../../core/incident/types';
import type { KubeTarget } from '../../core/kube/types';
import type { RunbookBlock } from '../../core/runbook/types';
import { readSafety } from '../settings';

export async function confirmRun(block: RunbookBlock, code: string, target: KubeTarget | undefined, scope?: vscode.Uri): Promise<Confirmation | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Runbook Lens: blocks do not run in an untrusted workspace.');
    return undefined;
  }
  const safety = readSafety(scope);
  const { assessment, decision } = await judgeBlock(block, code, { rules: safety.rules, target, protectedPatterns: safety.protectedPatterns });
  const destructive = assessment.destructive.map((d) => d.command);
  const at = new Date().toISOString();
  const detail = decision.reasons.map((r) => `• ${r}`).join('\n');
  switch (decision.action) {
    case 'run':
      return { method: 'none', destructive: [], at };
    case 'refuse':
      await vscode.window.showErrorMessage(`Runbook Lens: ${refusedText(block)}`, { modal: true, detail });
      return undefined;
    case 'confirm':
    case 'type-context': {
      const go = 'Run';
      const filled = assessment.destructive.some((d) => d.expanded) ? ' (variables the block sets are filled in)' : '';
      const heading = destructive.length ? `Destructive commands${filled}:\n` : '';
      const pick = await vscode.window.showWarningMessage(consentQuestion(block, target), { modal: true, detail: `${heading}${detail}` }, go);
      if (pick !== go) return undefined;
      if (decision.action === 'confirm') return { method: 'modal', destructive, at: new Date().toISOString() };
      const context = target?.context ?? '';
      const typed = await vscode.window.showInputBox({
        title: `Protected context ${context}`,
        prompt: typeContextPrompt(block, context),
        placeHolder: context,
        ignoreFocusOut: true,
        validateInput: (v) => (v === context ? undefined : `Type exactly: ${context}`),
      });
      return typed === context ? { method: 'typed-context', destructive, at: new Date().toISOString() } : undefined;
    }
  }
}
