import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { composeMessage, MESSAGE_KINDS, type MessageKind } from '../../core/incident/comms';
import { recordNotification } from '../../core/incident/lifecycle';
import { lastNotification } from '../../core/incident/updateCadence';
import { POST_MORTEM_MD } from '../../core/incident/incidentFiles';
import { checkWebhookUrl, postSlackMessage, SlackPostError } from '../../core/integrations/slack';
import type { IncidentModel } from './incidentModel';
import { readSettings } from '../settings';
import { errorText, sayNoIncident, showError } from '../commands';
import { askText, showPick } from '../prompts';

/** SecretStorage key of the Slack incoming webhook URL. */
export const WEBHOOK_SECRET = 'runbookLens.slackWebhookUrl';
/** Drafts live in the incident folder, so what was sent stays next to the timeline. */
export const MESSAGES_DIR = 'messages';
const DRAFT_RE = /^message-(initial|update|resolution)-[0-9TZ]+\.txt$/;

const LABELS: Record<MessageKind, string> = { initial: 'Initial notification', update: 'Progress update', resolution: 'Resolution notice' };

/** The message a person most likely wants next. */
function suggestedKind(model: IncidentModel): MessageKind {
  const snap = model.current();
  if (!snap) return 'initial';
  if (snap.incident.status === 'resolved') return 'resolution';
  return lastNotification(snap.entries) ? 'update' : 'initial';
}

/** Writes the filled template to messages/message-<kind>-<time>.txt and opens it for editing. */
export async function composeDraft(model: IncidentModel, kind?: MessageKind): Promise<vscode.Uri | undefined> {
  const snap = await model.ready();
  if (!snap) {
    sayNoIncident();
    return undefined;
  }
  const suggested = suggestedKind(model);
  const items: (vscode.QuickPickItem & { value: MessageKind })[] = MESSAGE_KINDS
    .map((k) => ({ label: LABELS[k], description: k === suggested ? 'suggested' : '', value: k }))
    .sort((a, b) => Number(b.value === suggested) - Number(a.value === suggested));
  const chosen: MessageKind | undefined = kind ?? (await showPick(items, { title: 'Compose Message', placeHolder: 'Which message?' }))?.value;
  if (!chosen) return undefined;
  const { updateIntervals: intervals } = readSettings();
  const text = composeMessage(chosen, {
    incident: snap.incident,
    entries: snap.entries,
    now: new Date(),
    updateIntervalMs: intervals[snap.incident.severity] ?? 0,
    postmortemRef: vscode.workspace.asRelativePath(path.join(snap.dir, POST_MORTEM_MD)),
  });
  const file = await writeNewDraft(path.join(snap.dir, MESSAGES_DIR), chosen, text);
  const uri = vscode.Uri.file(file);
  await vscode.window.showTextDocument(uri, { preview: false });
  void vscode.window.showInformationMessage(`Runbook Lens: ${LABELS[chosen]} drafted. Edit it, then post or copy it.`, 'Post to Slack', 'Copy').then((pick) => {
    if (pick === 'Post to Slack') void vscode.commands.executeCommand('runbookLens.postMessage', uri);
    if (pick === 'Copy') void vscode.commands.executeCommand('runbookLens.copyMessage', uri);
  });
  return uri;
}

/** messages/message-<kind>-<UTC time>.txt; a second draft within the same second gets the milliseconds too. */
async function writeNewDraft(dir: string, kind: MessageKind, text: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const iso = new Date().toISOString().replace(/[-:]/g, '');
  for (const stamp of [iso.replace(/\.\d+Z$/, 'Z'), iso.replace('.', '')]) {
    const file = path.join(dir, `message-${kind}-${stamp}.txt`);
    try {
      await fs.writeFile(file, text, { flag: 'wx' });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`a ${kind} draft was just written; try again in a moment`);
}

/** The draft to act on: the given one, or the active editor's. */
async function draftFor(uri: vscode.Uri | undefined): Promise<{ uri: vscode.Uri; dir: string; kind: MessageKind; text: string } | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  const m = target ? DRAFT_RE.exec(path.basename(target.fsPath)) : null;
  if (!target || !m) {
    void vscode.window.showInformationMessage('Runbook Lens: open a message draft first (Compose Message).');
    return undefined;
  }
  // The editor's text, edits included, even if not saved yet.
  const doc = await vscode.workspace.openTextDocument(target);
  if (doc.isDirty) await doc.save();
  return { uri: target, dir: path.dirname(path.dirname(target.fsPath)), kind: m[1] as MessageKind, text: doc.getText() };
}

export async function postDraft(secrets: vscode.SecretStorage, model: IncidentModel, uri?: vscode.Uri): Promise<boolean> {
  const draft = await draftFor(uri);
  if (!draft) return false;
  let webhook = await secrets.get(WEBHOOK_SECRET);
  if (!webhook) {
    const pick = await vscode.window.showWarningMessage('Runbook Lens: no Slack webhook is set.', 'Set Slack Webhook');
    if (pick) await setWebhook(secrets);
    webhook = await secrets.get(WEBHOOK_SECRET);
    if (!webhook) return false;
  }
  try {
    const r = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Runbook Lens: posting the ${draft.kind} message to Slack…` },
      () => postSlackMessage(webhook!, draft.text),
    );
    await recordNotification(draft.dir, draft.kind, draft.text, 'slack', { actor: readSettings().actor });
    await model.reload();
    void vscode.window.showInformationMessage(`Runbook Lens: posted to Slack${r.attempts > 1 ? ` (after ${r.attempts} attempts)` : ''} and recorded in the timeline.`);
    return true;
  } catch (err) {
    const message = err instanceof SlackPostError ? err.message : `posting failed: ${errorText(err)}`;
    void showError(`${message}`);
    return false;
  }
}

export async function copyDraft(model: IncidentModel, uri?: vscode.Uri): Promise<void> {
  const draft = await draftFor(uri);
  if (!draft) return;
  await vscode.env.clipboard.writeText(draft.text);
  const pick = await vscode.window.showInformationMessage('Runbook Lens: message copied. Record it in the timeline once you have sent it.', 'Record as Sent');
  if (pick) {
    await recordNotification(draft.dir, draft.kind, draft.text, 'clipboard', { actor: readSettings().actor });
    await model.reload();
  }
}

export async function setWebhook(secrets: vscode.SecretStorage, value?: string): Promise<boolean> {
  const url = value ?? (await askText({
    title: 'Slack incoming webhook URL',
    prompt: 'Stored in VS Code SecretStorage, never in settings. Leave empty to remove it.',
    password: true,
    validateInput: (v) => {
      if (!v.trim()) return undefined;
      try {
        checkWebhookUrl(v);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
  }));
  if (url === undefined) return false;
  if (!url.trim()) {
    await secrets.delete(WEBHOOK_SECRET);
    void vscode.window.showInformationMessage('Runbook Lens: Slack webhook removed.');
    return true;
  }
  checkWebhookUrl(url);
  await secrets.store(WEBHOOK_SECRET, url.trim());
  void vscode.window.showInformationMessage('Runbook Lens: Slack webhook saved in SecretStorage.');
  return true;
}
