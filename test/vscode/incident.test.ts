import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Incident } from '../../src/core/incident/types';
import type { RunbookLensApi } from '../../src/extension/extension';
import { EXTENSION_ID, readTimeline, waitFor, workspaceRoot, withSettings } from './support';
import { startSlackReceiver, type SlackReceiver } from '../harness/slackReceiver';

const run = <T>(command: string, ...args: unknown[]): Thenable<T> => vscode.commands.executeCommand<T>(command, ...args);
const readIncident = (dir: string): Incident => JSON.parse(fs.readFileSync(path.join(dir, 'incident.json'), 'utf8')) as Incident;
const webviewTabs = (viewType: string): vscode.Tab[] =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));

describe('incident lifecycle, timeline, post-mortem, messages and metrics', () => {
  let dir: string;
  let api: RunbookLensApi;
  let receiver: SlackReceiver;

  before(async () => {
    api = await vscode.extensions.getExtension<RunbookLensApi>(EXTENSION_ID)!.activate();
    receiver = await startSlackReceiver();
    dir = (await run<string>('runbookLens.startIncident', { title: 'extension-host suite: incident', severity: 'P0', commander: 'ic-alice' }))!;
    assert.ok(dir && fs.existsSync(dir));
  });
  after(async () => {
    await receiver?.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Start Incident records the start and the commander', () => {
    const incident = readIncident(dir);
    assert.equal(incident.severity, 'P0');
    assert.equal(incident.commander, 'ic-alice');
    const kinds = readTimeline(dir).map((e) => `${e.kind}:${e.milestone ?? e.incidentStatus ?? ''}`);
    assert.deepEqual(kinds, ['milestone:started', 'status:investigating']);
  });

  it('Set Status, Mark Milestone (backdated) and Add Note write incident.json and the timeline', async () => {
    assert.equal(await run('runbookLens.setStatus', 'identified'), 'identified');
    const at = await run<string>('runbookLens.markMilestone', { name: 'detected', at: '-5m' });
    assert.ok(at && Date.now() - Date.parse(at) >= 4.5 * 60_000, 'backdated five minutes');
    const noteId = await run<string>('runbookLens.addNote', { text: 'saw 503s on the edge' });
    const incident = readIncident(dir);
    assert.equal(incident.status, 'identified');
    assert.equal(incident.milestones.detected, at);
    const entries = readTimeline(dir);
    assert.equal(entries.find((e) => e.id === noteId)?.text, 'saw 503s on the edge');
    const snap = await waitFor('the model to see the note', () => api.incident?.model.current()?.entries.some((e) => e.id === noteId) || undefined);
    assert.ok(snap);
  });

  it('Add Note takes the editor selection with its runbook line', async () => {
    const file = path.join(workspaceRoot(), 'incident-response.md');
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(40, 0, 41, 0);
    const id = await run<string>('runbookLens.addNote');
    const note = readTimeline(dir).find((e) => e.id === id);
    assert.ok(note);
    assert.equal(note.text, doc.lineAt(40).text);
    assert.equal(note.runbook, 'incident-response.md');
    assert.equal(note.line, 41);
  });

  it('Pin Entry appends a marker; the post-mortem features the pinned entry', async () => {
    const note = readTimeline(dir).find((e) => e.text === 'saw 503s on the edge')!;
    const markerId = await run<string>('runbookLens.pinEntry', note.id);
    const marker = readTimeline(dir).find((e) => e.id === markerId);
    assert.equal(marker?.pinOf, note.id);
    const file = await run<string>('runbookLens.draftPostmortem');
    assert.equal(file, path.join(dir, 'post-mortem.md'));
    const text = fs.readFileSync(file!, 'utf8');
    assert.match(text, /## Key moments \(pinned\)\n\n### .* — saw 503s on the edge/);
    assert.match(text, /\| 📌 saw 503s on the edge \|/);
  });

  it('Draft Post-mortem never overwrites an edited post-mortem', async () => {
    const file = path.join(dir, 'post-mortem.md');
    fs.appendFileSync(file, '\nWritten by a person.\n');
    const again = await run<string>('runbookLens.draftPostmortem');
    assert.equal(again, path.join(dir, 'post-mortem.draft-1.md'));
    assert.match(fs.readFileSync(file, 'utf8'), /Written by a person\.\n$/);
  });

  it('Compose Message drafts the template; Post to Slack sends the edited text and records it', async () => {
    const draft = await run<string>('runbookLens.composeMessage', 'initial');
    assert.ok(draft && fs.existsSync(draft));
    assert.match(fs.readFileSync(draft, 'utf8'), /^🚨 INCIDENT: extension-host suite: incident - P0\n\nStatus: IDENTIFIED\n/);
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(draft));
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Edited before sending\n'));
    assert.equal(await run('runbookLens.setSlackWebhook', receiver.url), true);
    assert.equal(await run('runbookLens.postMessage', vscode.Uri.file(draft)), true);
    assert.equal(receiver.received.length, 1);
    const sent = JSON.parse(receiver.received[0].raw) as { text: string };
    assert.match(sent.text, /Edited before sending/);
    const n = readTimeline(dir).filter((e) => e.kind === 'notification');
    assert.equal(n.length, 1);
    assert.equal(n[0].channel, 'slack');
    assert.equal(n[0].template, 'initial');
    await run('runbookLens.setSlackWebhook', '');
  });

  it('reminds when a P0 update is due', async () => {
    const win = vscode.window as { showWarningMessage: typeof vscode.window.showWarningMessage };
    const original = win.showWarningMessage;
    const shown: string[] = [];
    win.showWarningMessage = (async (message: string) => { shown.push(message); return undefined; }) as typeof vscode.window.showWarningMessage;
    try {
      await withSettings({ updateIntervals: { P0: '1m' } }, async () => {
        await api.incident!.reminders.check(new Date(Date.now() + 30_000));
        assert.deepEqual(shown, [], 'not due yet: a message was just sent');
        await api.incident!.reminders.check(new Date(Date.now() + 2 * 60_000));
      });
    } finally {
      win.showWarningMessage = original;
    }
    assert.equal(shown.length, 1);
    assert.match(shown[0], /update on "extension-host suite: incident" is due \(P0: every 1 min\)/);
  });

  it('Show Incident Timeline and Show Incident Metrics open their webviews', async () => {
    assert.equal(await run('runbookLens.showTimeline'), true);
    await waitFor('the timeline tab', () => webviewTabs('runbookLens.timeline')[0]);
    const root = await run<string>('runbookLens.showMetrics');
    assert.equal(root, path.dirname(dir));
    await waitFor('the metrics tab', () => webviewTabs('runbookLens.metrics')[0]);
  });

  it('bad input is a one-line error, nothing is written', async () => {
    const before = readTimeline(dir).length;
    const win = vscode.window as { showErrorMessage: typeof vscode.window.showErrorMessage };
    const original = win.showErrorMessage;
    const shown: string[] = [];
    win.showErrorMessage = (async (m: string) => { shown.push(m); return undefined; }) as typeof vscode.window.showErrorMessage;
    try {
      assert.equal(await run('runbookLens.setStatus', 'closed'), undefined);
      assert.equal(await run('runbookLens.markMilestone', { name: 'detected', at: 'tomorrow' }), undefined);
    } finally {
      win.showErrorMessage = original;
    }
    assert.equal(shown.length, 2);
    assert.match(shown[0], /^Runbook Lens: status must be one of investigating, identified, monitoring, resolved$/);
    assert.match(shown[1], /^Runbook Lens: cannot read "tomorrow" as a time/);
    assert.equal(readTimeline(dir).length, before);
  });
});
