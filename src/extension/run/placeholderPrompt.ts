import * as vscode from 'vscode';
import type { LiveChoice } from '../../core/kube/liveChoices';
import { isSecretName, rememberable } from '../../core/runbook/secretPlaceholders';
import { askText, createPick } from '../prompts';

/** Placeholder values remembered per incident (in workspace state, never in the runbook); secret values never are. */
export class PlaceholderMemory {
  constructor(private readonly state: vscode.Memento) {}

  private key(incidentDir: string): string {
    return `runbookLens.placeholders:${incidentDir}`;
  }

  get(incidentDir: string): Record<string, string> {
    return rememberable(this.state.get<Record<string, string>>(this.key(incidentDir)) ?? {});
  }

  async remember(incidentDir: string, values: Record<string, string>): Promise<void> {
    const secret = Object.keys(values).filter((n) => !(n in rememberable(values)));
    const kept = Object.fromEntries(Object.entries(this.get(incidentDir)).filter(([n]) => !secret.includes(n)));
    await this.state.update(this.key(incidentDir), { ...kept, ...rememberable(values) });
  }
}

export type ChoiceSource = (name: string) => Promise<LiveChoice[] | undefined>;

/**
 * Asks each placeholder once. Remembered values are offered first; live choices (pods, deployments…)
 * are listed when a source gives them, and the user can always type anything.
 * Returns undefined when the user cancels.
 */
export async function askPlaceholders(
  names: string[],
  remembered: Record<string, string>,
  preset: Record<string, string> | undefined,
  choices: ChoiceSource | undefined,
): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    if (preset && name in preset) {
      values[name] = preset[name];
      continue;
    }
    const step = names.length > 1 ? ` (${i + 1}/${names.length})` : '';
    const secret = isSecretName(name);
    // A secret is typed into a masked box: no live choices, no remembered value.
    const live = choices && !secret ? await choices(name).catch(() => undefined) : undefined;
    const value = secret
      ? await askText({
          title: `Runbook Lens: value for <${name}>${step}`,
          prompt: `Fill the secret placeholder <${name}>. It is recorded as [REDACTED:placeholder] and not remembered.`,
          password: true,
          validateInput: (v) => (v === '' ? `Enter a value for <${name}>` : undefined),
        })
      : live && live.length
      ? await pickWithTyping(name, step, live, remembered[name])
      : await askText({
          title: `Runbook Lens: value for <${name}>${step}`,
          prompt: `Fill the placeholder <${name}>. It is remembered for this incident.`,
          value: remembered[name] ?? '',
          validateInput: (v) => (v.trim() === '' ? `Enter a value for <${name}>` : undefined),
        });
    if (value === undefined) return undefined;
    values[name] = value;
  }
  return values;
}

interface ChoiceItem extends vscode.QuickPickItem {
  value: string;
}

/** A live choice as a pick item: what the cluster says beside the name, a mark when it needs attention. */
function choiceItem(c: LiveChoice, lastUsed: boolean): ChoiceItem {
  const description = [lastUsed ? 'last used in this incident' : '', c.description ?? ''].filter(Boolean).join(' — ');
  return { label: `${c.attention ? '$(warning) ' : ''}${c.value}`, value: c.value, ...(description ? { description } : {}) };
}

function pickWithTyping(name: string, step: string, live: LiveChoice[], last: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const qp = createPick<ChoiceItem>();
    qp.title = `Runbook Lens: value for <${name}>${step}`;
    qp.placeholder = live.some((c) => c.attention) ? 'Pick from the cluster (those that need attention first), or type any value' : 'Pick from the cluster, or type any value';
    qp.matchOnDescription = true;
    const lastLive = live.find((c) => c.value === last);
    const base: ChoiceItem[] = [
      ...(last ? [choiceItem(lastLive ?? { value: last }, true)] : []),
      ...live.filter((c) => c.value !== last).map((c) => choiceItem(c, false)),
    ];
    qp.items = base;
    qp.onDidChangeValue((typed) => {
      qp.items = typed && !base.some((b) => b.value === typed) ? [{ label: typed, value: typed, description: 'typed value' }, ...base] : base;
    });
    let done = false;
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0]?.value ?? qp.value;
      if (!chosen) return;
      done = true;
      resolve(chosen);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}
