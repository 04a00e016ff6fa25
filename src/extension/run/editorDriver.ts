/** The editor's answers to a run's questions: VS Code prompts, dialogs and messages over the core pipeline. */
import * as vscode from 'vscode';
import { consentQuestion, refusedText, typeContextPrompt } from '../../core/guard/consentText';
import type { LiveOutput, RunDriver } from '../../core/run';
import { describeBlock } from '../../core/runbook/blockLabel';
import type { ExtensionServices } from '../services';
import { askPlaceholders, type PlaceholderMemory } from './placeholderPrompt';
import { showError } from '../commands';
import { askText } from '../prompts';

/** Runs need a trusted workspace: a runbook is text someone else wrote. */
export async function workspaceTrusted(what = 'blocks do not run'): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const pick = await vscode.window.showWarningMessage(
    `Runbook Lens: ${what} in an untrusted workspace. A runbook is text someone else wrote; trust the workspace first.`,
    'Manage Workspace Trust',
  );
  if (pick) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}

export interface EditorDriverOptions {
  services: ExtensionServices;
  memory: PlaceholderMemory;
  incidentDir: string;
  /** The live view (the Output channel); it receives only redacted text. */
  output?: LiveOutput;
}

export function editorDriver(o: EditorDriverOptions): RunDriver {
  return {
    consentMethods: { confirm: 'modal', typed: 'typed-context', unasked: 'none' },
    // Callers ask first, with a message; this keeps a run that slipped past them from running.
    mayRun: () => vscode.workspace.isTrusted,
    async placeholderValues(block, preset, target) {
      const source = o.services.target;
      const choices = target && source?.placeholderChoices ? (name: string) => source.placeholderChoices!(name, target) : undefined;
      const values = await askPlaceholders(block.placeholders, o.memory.get(o.incidentDir), preset, choices);
      // Secret values are never remembered (see rememberable).
      if (values) await o.memory.remember(o.incidentDir, values);
      return values;
    },
    async consent(q) {
      const { block, guardTarget, assessment, decision } = q.run;
      const filled = assessment.destructive.some((d) => d.expanded) ? ' (variables the block sets are filled in)' : '';
      const heading = q.destructive.length ? `Destructive commands${filled}:\n` : '';
      const detail = decision.reasons.map((r) => `• ${r}`).join('\n');
      const go = 'Run';
      const teammate = q.teammateRun ? `${q.teammateRun}\n\n` : '';
      const pick = await vscode.window.showWarningMessage(consentQuestion(block, guardTarget), { modal: true, detail: `${teammate}${heading}${detail}` }, go);
      return pick === go;
    },
    typedContext: (q, context) => Promise.resolve(askText({
      title: `Protected context ${context}`,
      prompt: typeContextPrompt(q.run.block, context),
      placeHolder: context,
      validateInput: (v) => (v === context ? undefined : `Type exactly: ${context}`),
    })),
    async refused(q, reason) {
      // A no from the user needs no message; a deny rule or hidden Unicode says why.
      if (reason !== 'denied') return;
      await vscode.window.showErrorMessage(`Runbook Lens: ${refusedText(q.run.block)}`, { modal: true, detail: q.run.decision.reasons.map((r) => `• ${r}`).join('\n') });
    },
    output: () => o.output,
    report(problem, run) {
      const label = describeBlock(run.block);
      if (problem.phase === 'spawn') void showError(`${label} did not start: ${problem.message}`);
      else if (problem.phase === 'scope') void showError(problem.message);
      else {
        const where = problem.phase === 'end' ? ' What it printed is in the Runbook Lens output channel.' : '';
        void showError(`${problem.message}.${where}`);
      }
    },
  };
}
