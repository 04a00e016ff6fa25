import { describeBlock, listLabel } from '../../core/runbook/blockLabel';
import * as vscode from 'vscode';
import { executePlan, planRunAll, SKIP_LABELS, summaryText, type FailurePolicy, type RunAllPlan, type StepOutcome } from '../../core/runbook/runAllPlan';
import type { RunDeps } from '../extension';
import { askAllPlaceholders } from './placeholderForm';
import { refuseGenerated } from '../generatedDocument';
import { readSettings } from '../settings';
import { workspaceTrusted } from '../run/editorDriver';

export interface RunAllArgs {
  /** Placeholder values given up front (tests); anything missing is still asked. */
  vars?: Record<string, string>;
  /** Overrides the runbookLens.runAll.onFailure setting (tests, scripted use). */
  onFailure?: FailurePolicy;
}

/**
 * Run All (`headingLine` undefined) or Run Section: every planned block in order, each a run of
 * the one pipeline (so each is confirmed, targeted and recorded like a single run), with a
 * cancellable progress notification. Returns the summary text, or undefined when nothing ran.
 */
export async function runAll(api: RunDeps, uri: vscode.Uri, headingLine: number | undefined, args: RunAllArgs = {}): Promise<string | undefined> {
  if (!(await workspaceTrusted())) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  if (refuseGenerated(document)) return undefined;
  const runbook = api.runbooks.get(document);
  const plan = planRunAll(runbook, { headingLine });
  const heading = headingLine === undefined ? undefined : runbook.headings.find((h) => h.line === headingLine)?.text;
  const what = heading === undefined ? 'Run All' : `Run Section “${heading}”`;
  if (plan.steps.length === 0) {
    void vscode.window.showInformationMessage(`Runbook Lens: ${what}: no block to run${skippedNote(plan)}.`);
    return undefined;
  }
  const incidentDir = await api.services.incidents.ensure();
  if (!incidentDir) return undefined;
  const target = api.services.target?.current();
  const choices = target && api.services.target?.placeholderChoices
    ? (name: string) => api.services.target!.placeholderChoices!(name, target)
    : undefined;
  const label = `${what} (${plan.steps.length} block${plan.steps.length === 1 ? '' : 's'})`;
  const vars = await askAllPlaceholders(plan.placeholders, api.runs.memory.get(incidentDir), args.vars, choices, label);
  if (!vars) return undefined;
  await api.runs.memory.remember(incidentDir, vars);
  const policy = args.onFailure ?? readSettings(uri).runAllOnFailure;

  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Runbook Lens: ${what}`, cancellable: true },
    async (progress, token) => {
      let current: number | undefined;
      const cancel = token.onCancellationRequested(() => {
        if (current !== undefined) api.runs.state.stop(uri, current);
      });
      try {
        return await executePlan(plan, policy, {
          isCancelled: () => token.isCancellationRequested,
          runStep: async (block, position, total) => {
            current = block.index;
            progress.report({ message: `${position}/${total}: ${listLabel(block)}`, increment: 100 / total });
            const entry = await api.runs.run(uri, block.index, { vars });
            current = undefined;
            const status = entry?.status as StepOutcome | undefined;
            return status ?? 'declined';
          },
          ask: async (block, outcome) => {
            const why = outcome === 'declined' ? 'did not run (not confirmed)' : outcome === 'timeout' ? 'timed out' : outcome;
            const pick = await vscode.window.showWarningMessage(
              `Runbook Lens: ${describeBlock(block)} ${why}. Continue with the next block?`,
              { modal: true, detail: `${what}: the remaining blocks run only if you continue.` },
              'Continue',
              'Stop',
            );
            return pick === 'Continue' ? 'continue' : 'stop';
          },
        });
      } finally {
        cancel.dispose();
      }
    },
  );
  const text = `${what}: ${summaryText(summary)}${skippedNote(plan)}`;
  const failed = summary.results.some((r) => r.outcome !== 'ok');
  void (failed ? vscode.window.showWarningMessage(`Runbook Lens: ${text}`) : vscode.window.showInformationMessage(`Runbook Lens: ${text}`));
  return text;
}

function skippedNote(plan: RunAllPlan): string {
  if (plan.skipped.length === 0) return '';
  return `; skipped ${plan.skipped.map((s) => `${listLabel(s.block)} (${SKIP_LABELS[s.reason]})`).join(', ')}`;
}
