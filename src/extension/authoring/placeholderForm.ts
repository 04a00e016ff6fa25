import * as vscode from 'vscode';
import { isSecretName } from '../../core/runbook/secretPlaceholders';
import { askPlaceholders, type ChoiceSource } from '../run/placeholderPrompt';
import { showPick } from '../prompts';

/**
 * Every placeholder of a Run All / Run Section, asked before anything runs: one QuickInput step
 * per name (remembered values pre-filled, live cluster choices offered), then a review step
 * listing all values, where any can be changed before starting. A QuickInput, not a webview
 * form: it is keyboard-only, looks like every other prompt of the extension, and offers the
 * same live choices as a single-block run. Returns undefined when cancelled.
 */
export async function askAllPlaceholders(
  names: string[],
  remembered: Record<string, string>,
  preset: Record<string, string> | undefined,
  choices: ChoiceSource | undefined,
  what: string,
): Promise<Record<string, string> | undefined> {
  if (names.length === 0) return {};
  const values = await askPlaceholders(names, remembered, preset, choices);
  if (!values) return undefined;
  // Values supplied by the caller (tests, other commands) need no review.
  if (preset && names.every((n) => n in preset)) return values;
  for (;;) {
    const run: vscode.QuickPickItem & { name?: string } = { label: `$(play) ${what}`, description: 'with these values' };
    const items = [run, ...names.map((n) => ({ label: `<${n}>`, description: isSecretName(n) ? '•'.repeat(8) : values[n], name: n }))];
    const pick = await showPick(items, {
      title: `Runbook Lens: ${what}: check the values`,
      placeHolder: 'Pick a value to change it, or start the run',
    });
    if (!pick) return undefined;
    if (pick === run) return values;
    const name = pick.name ?? '';
    const changed = await askPlaceholders([name], { [name]: values[name] }, undefined, choices);
    if (changed) values[name] = changed[name];
  }
}
