// Start Incident asks when the impact began; a run never lands silently in a resolved incident.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Incident, TimelineEntry } from '../../src/core/incident/types';
import { EXTENSION_ID, readTimeline, runBlock, startIncident, workspaceUri } from './support';

const readIncident = (dir: string): Incident => JSON.parse(fs.readFileSync(path.join(dir, 'incident.json'), 'utf8')) as Incident;

type Answer = { quickPick?: RegExp; input?: string; button?: string };

/** Answers the prompts in order, as a user would; records every title and message shown. */
async function answering<T>(answers: Answer[], fn: () => Thenable<T>): Promise<{ result: T; shown: string[] }> {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = { q: win.showQuickPick, i: win.showInputBox, w: win.showWarningMessage, m: win.showInformationMessage };
  const shown: string[] = [];
  const next = (): Answer => answers.shift() ?? {};
  win.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, o?: vscode.QuickPickOptions) => {
    const list = await items;
    shown.push(`pick: ${o?.title} [${list.map((i) => `${i.label} ${i.description ?? ''}`.trim()).join(' | ')}]`);
    const want = next().quickPick;
    return want ? list.find((i) => want.test(i.label)) : undefined;
  };
  win.showInputBox = async (o?: vscode.InputBoxOptions) => {
    shown.push(`input: ${o?.title}`);
    const typed = next().input;
    if (typed !== undefined) assert.equal(await o?.validateInput?.(typed), undefined, `${o?.title} rejected ${typed}`);
    return typed;
  };
  const message = (kind: string) => async (text: string, ...rest: unknown[]) => {
    shown.push(`${kind}: ${text}`);
    const modal = typeof rest[0] === 'object' && (rest[0] as vscode.MessageOptions)?.modal;
    return modal ? next().button : undefined;
  };
  win.showWarningMessage = message('warning');
  win.showInformationMessage = message('info');
  try {
    return { result: await fn(), shown };
  } finally {
    win.showQuickPick = saved.q; win.showInputBox = saved.i; win.showWarningMessage = saved.w; win.showInformationMessage = saved.m;
  }
}

const startSteps = (title: string, impact: Answer[]): Answer[] => [{ input: title }, { quickPick: /^P1$/ }, { input: 'ic-bob' }, ...impact];

describe('start of impact and runs after resolution', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  it('Start Incident asks when the impact began; a typed time becomes the started milestone, the click the declaration', async () => {
    const { result: dir, shown } = await answering(startSteps('impact typed', [{ quickPick: /Type a time/ }, { input: '-20m' }]),
      () => vscode.commands.executeCommand<string>('runbookLens.startIncident'));
    assert.ok(shown.some((s) => /^pick: Start Incident \(4\/4\): when did the impact begin\? \[\$\(clock\) Now .* \| \$\(edit\) Type a time…/.test(s)), shown.join('\n'));
    const incident = readIncident(dir);
    const before = Date.parse(incident.createdAt) - Date.parse(incident.milestones.started!);
    assert.ok(before >= 19.5 * 60_000 && before <= 20.5 * 60_000, `started 20 min before the declaration, got ${before} ms`);
    const started = readTimeline(dir).find((e) => e.milestone === 'started')!;
    assert.equal(started.time, incident.milestones.started);
  });

  it('offers the earliest imported alert as the start of impact', async () => {
    const startsAt = new Date(Date.now() - 42 * 60_000).toISOString();
    const { result: dir, shown } = await answering(startSteps('impact from alert', [{ quickPick: /PhotonCompilerDown started firing/ }]),
      () => vscode.commands.executeCommand<string>('runbookLens.startIncident', { earliestAlert: { name: 'PhotonCompilerDown', startsAt } }));
    assert.ok(shown.some((s) => /\$\(bell\) When PhotonCompilerDown started firing/.test(s)), shown.join('\n'));
    assert.equal(readIncident(dir).milestones.started, startsAt);
  });

  it('a run while the open incident is resolved asks: cancel appends nothing, reopen records it there, start new records it in the new one', async () => {
    const dir = await startIncident('resolved before the run');
    await vscode.commands.executeCommand('runbookLens.setStatus', 'resolved');
    const uri = workspaceUri('fixtures/runs.md');
    const count = readTimeline(dir).length;

    const cancelled = await answering([{ button: undefined }], () => runBlock(uri, 1));
    assert.equal(cancelled.result, undefined);
    assert.ok(cancelled.shown.some((s) => /warning: Runbook Lens: the open incident “resolved before the run” is resolved\./.test(s)), cancelled.shown.join('\n'));
    assert.equal(readTimeline(dir).length, count, 'nothing appended');
    assert.equal(readIncident(dir).status, 'resolved');

    const reopened = await answering([{ button: 'Reopen Incident' }], () => runBlock(uri, 1));
    assert.equal((reopened.result as TimelineEntry).exitCode, 0);
    assert.equal(readIncident(dir).status, 'investigating');
    assert.equal(readIncident(dir).milestones.resolved, undefined);
    assert.ok(readTimeline(dir).some((e) => e.id === (reopened.result as TimelineEntry).id));

    await vscode.commands.executeCommand('runbookLens.setStatus', 'resolved');
    const fresh = await answering([{ button: 'Start New Incident' }, ...startSteps('after the resolution', [{ quickPick: /Now/ }])], () => runBlock(uri, 1));
    const entry = fresh.result as TimelineEntry;
    assert.ok(entry, fresh.shown.join('\n'));
    assert.ok(!readTimeline(dir).some((e) => e.id === entry.id), 'not in the resolved incident');
    assert.equal(readIncident(dir).status, 'resolved');
    const current = await vscode.commands.executeCommand<string>('runbookLens.addNote', { text: 'where am I' });
    assert.ok(current);
    assert.ok(!readTimeline(dir).some((e) => e.id === current), 'notes go to the new incident too');
  });
});
