import * as vscode from 'vscode';
import { pagerDutyAndRecord, type PagerDutyOutcome } from '../../core/integrations/pagerdutyRecord';
import type { PagerDutyAction } from '../../core/integrations/pagerdutyEvents';
import type { ExtensionServices } from '../services';
import { PlaceholderMemory } from '../run/placeholderPrompt';
import { readSettings } from '../settings';
import type { ObservabilitySecrets } from './credentials';
import { showError } from '../commands';
import { askText } from '../prompts';

const LAST_DEDUP = 'runbookLens.pagerduty.lastDedupKey:';

/** The dedup key offered first: the last one used in this incident, else its <incident-key> placeholder. */
function suggestedDedupKey(services: ExtensionServices, incidentDir: string): string {
  const last = services.context.workspaceState.get<string>(LAST_DEDUP + incidentDir);
  if (last) return last;
  const vars = new PlaceholderMemory(services.context.workspaceState).get(incidentDir);
  return vars['incident-key'] ?? vars['dedup-key'] ?? '';
}

/** Acknowledge / Resolve in PagerDuty; recorded in the timeline with the matching milestone. */
export async function pagerDutyCommand(
  services: ExtensionServices,
  secrets: ObservabilitySecrets,
  action: PagerDutyAction,
  args: { dedupKey?: string } = {},
): Promise<PagerDutyOutcome | undefined> {
  const verb = action === 'acknowledge' ? 'Acknowledge' : 'Resolve';
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(`Runbook Lens: PagerDuty ${verb} needs a trusted workspace.`);
    return undefined;
  }
  let routingKey = await secrets.routingKey();
  if (!routingKey) {
    const pick = await vscode.window.showWarningMessage('Runbook Lens: no PagerDuty routing key is set.', 'Set Routing Key');
    if (!pick) return undefined;
    await vscode.commands.executeCommand('runbookLens.setPagerDutyKey');
    routingKey = await secrets.routingKey();
    if (!routingKey) return undefined;
  }
  const incidentDir = await services.incidents.ensure({ allowResolved: true });
  if (!incidentDir) return undefined;
  const dedupKey = args.dedupKey ?? (await askText({
    title: `PagerDuty: ${verb}`,
    prompt: 'Dedup key (incident key) of the PagerDuty alert',
    value: suggestedDedupKey(services, incidentDir),
    validateInput: (v) => (v.trim() ? undefined : 'Enter the dedup key'),
  }));
  if (!dedupKey?.trim()) return undefined;
  await services.context.workspaceState.update(LAST_DEDUP + incidentDir, dedupKey.trim());
  const { pagerdutyEventsUrl } = readSettings();
  const out = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `PagerDuty: ${verb}…` }, () =>
    pagerDutyAndRecord(incidentDir, { eventsUrl: pagerdutyEventsUrl, routingKey: routingKey!, action, dedupKey: dedupKey.trim() }, { actor: readSettings().actor }));
  if (!out.ok) {
    void showError(`${out.error} (recorded in the timeline)`);
    return out;
  }
  const m = out.milestone;
  const note = m ? (m.set ? ` Milestone ${m.name} set.` : ` Milestone ${m.name} was already set (${m.at}); kept.`) : '';
  void vscode.window.showInformationMessage(`Runbook Lens: ${out.entry.text}.${note}`);
  return out;
}
