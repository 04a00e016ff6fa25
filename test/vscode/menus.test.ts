// Every command contributed to a menu, invoked with the arguments that menu really passes
// (see src/extension/commandArgs.ts), with every prompt answered by Escape.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunbookLensApi } from '../../src/extension/extension';
import type { Node } from '../../src/extension/incident/incidentTree';
import type { OutlineNode } from '../../src/extension/authoring/outlineTree';
import { EXTENSION_ID, readTimeline, startIncident, waitFor, workspaceUri } from './support';

interface MenuItem { command: string; when?: string }
type Call = { ui: 'quickPick' | 'inputBox' | 'info' | 'warning' | 'error'; text: string };

// The manifest as VS Code loaded it.
const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, MenuItem[]>; commands: { command: string }[] } };
const menus = manifest.contributes.menus;

/** Replaces the prompts and notifications with Escape, recording what was shown. */
async function recording<T>(fn: () => Thenable<T>): Promise<{ calls: Call[]; result?: T; thrown?: unknown }> {
  const win = vscode.window as unknown as Record<string, unknown>;
  const names = ['showQuickPick', 'showInputBox', 'showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const;
  const kinds: Record<(typeof names)[number], Call['ui']> = { showQuickPick: 'quickPick', showInputBox: 'inputBox', showInformationMessage: 'info', showWarningMessage: 'warning', showErrorMessage: 'error' };
  const saved = names.map((n) => win[n]);
  const calls: Call[] = [];
  for (const n of names) {
    win[n] = async (first: unknown, second: unknown) => {
      const text = n === 'showQuickPick' ? String((second as vscode.QuickPickOptions | undefined)?.title ?? (second as vscode.QuickPickOptions | undefined)?.placeHolder ?? '')
        : n === 'showInputBox' ? String((first as vscode.InputBoxOptions | undefined)?.title ?? (first as vscode.InputBoxOptions | undefined)?.prompt ?? '')
          : String(first);
      calls.push({ ui: kinds[n], text });
      return undefined;
    };
  }
  try {
    const result = await fn();
    await new Promise((r) => setTimeout(r, 50)); // let `void show…().then()` chains run
    return { calls, result };
  } catch (thrown) {
    return { calls, thrown };
  } finally {
    names.forEach((n, i) => { win[n] = saved[i]; });
  }
}

/** What must never happen, whatever the argument: an exception, or text that shows a misread argument. */
function assertNoMisread(label: string, r: { calls: Call[]; thrown?: unknown }): void {
  assert.equal(r.thrown, undefined, `${label} threw ${String(r.thrown)}`);
  for (const c of r.calls) assert.doesNotMatch(c.text, /\[object Object\]|\bundefined\b|\bnull\b/, `${label} showed: ${c.text}`);
}

/** Prompts and errors, the part of a run that depends on how the command read its arguments. */
const asked = (calls: Call[]): string[] => calls.filter((c) => c.ui === 'quickPick' || c.ui === 'inputBox' || c.ui === 'error').map((c) => `${c.ui}: ${c.text}`);

const viewOf = (when = ''): string | undefined => /view == ([\w.]+)/.exec(when)?.[1];

describe('menus: every contributed command reads the arguments its menus pass', () => {
  let api: RunbookLensApi;
  let dir: string;
  const outlineDoc = workspaceUri('fixtures/outline.md');

  /** A known editor state before each invocation: outline.md active, cursor in its first block, no selection. */
  async function reset(): Promise<vscode.TextEditor> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await vscode.window.showTextDocument(outlineDoc, { preview: false });
    editor.selection = new vscode.Selection(7, 0, 7, 0);
    return editor;
  }

  before(async () => {
    api = await vscode.extensions.getExtension<RunbookLensApi>(EXTENSION_ID)!.activate();
    dir = await startIncident('menus suite');
    await vscode.commands.executeCommand('runbookLens.addNote', { text: 'a note to hang menus on' });
    await waitFor('the tree to list the note', () => api.incident?.model.current()?.entries.some((e) => e.kind === 'note') || undefined);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The Incident view's real elements: one of each kind, as VS Code hands them back. */
  function incidentNodes(): Node[] {
    const tree = api.incident!.tree;
    const top = tree.getChildren();
    const timeline = top.find((n) => n.kind === 'group' && n.id === 'timeline')!;
    const milestones = top.find((n) => n.kind === 'group' && n.id === 'milestones')!;
    const entry = tree.getChildren(timeline).find((n) => n.kind === 'entry');
    assert.ok(entry, 'the timeline group lists an entry');
    return [top[0], timeline, tree.getChildren(milestones)[1], entry];
  }

  for (const item of menus['view/title']) {
    it(`view/title ${viewOf(item.when)}: ${item.command} with the focused element behaves as with no argument`, async () => {
      // The title bar passes the view's focused element, or null when nothing is focused.
      const elements: unknown[] = viewOf(item.when) === 'runbookLens.incident' ? [null, ...incidentNodes()] : [null, ...api.authoring!.outline.getChildren()];
      await reset();
      const baseline = await recording(() => vscode.commands.executeCommand(item.command));
      assertNoMisread(`${item.command}()`, baseline);
      for (const element of elements) {
        await reset();
        const r = await recording(() => vscode.commands.executeCommand(item.command, element));
        const label = `${item.command}(${element === null ? 'null' : (element as { kind: string }).kind})`;
        assertNoMisread(label, r);
        assert.deepEqual(asked(r.calls), asked(baseline.calls), `${label} asked differently from the palette`);
      }
    });
  }

  it('view/title: Compose Message from the Incident view asks which template and writes no draft until one is chosen', async () => {
    for (const element of [null, ...incidentNodes()]) {
      const before = fs.readdirSync(dir, { recursive: true }).map(String);
      const r = await recording(() => vscode.commands.executeCommand('runbookLens.composeMessage', element));
      assert.deepEqual(asked(r.calls), ['quickPick: Compose Message']);
      assert.equal(r.result, undefined);
      assert.deepEqual(fs.readdirSync(dir, { recursive: true }).map(String), before, 'no file written');
    }
  });

  for (const item of menus['view/item/context']) {
    it(`view/item/context ${viewOf(item.when)}: ${item.command} acts on the item it was invoked on`, async () => {
      await reset();
      const incidentItem = viewOf(item.when) === 'runbookLens.incident';
      if (incidentItem) {
        const unpin = item.command === 'runbookLens.unpinEntry';
        if (unpin) await vscode.commands.executeCommand('runbookLens.pinEntry', readTimeline(dir).find((e) => e.kind === 'note' && !e.pinOf)!.id);
        await api.incident!.model.reload();
        const node = incidentNodes()[3] as Extract<Node, { kind: 'entry' }>;
        const r = await recording(() => vscode.commands.executeCommand(item.command, node, [node]));
        assertNoMisread(item.command, r);
        assert.deepEqual(asked(r.calls), [], 'no picker: the item is the entry');
        const marker = readTimeline(dir).at(-1)!;
        assert.equal(marker.pinOf, node.entry.id);
        assert.equal(marker.unpin, unpin ? true : undefined);
        return;
      }
      // Runbook Outline: the item's section or block, whose placeholder (<who>) is then asked.
      const want = item.command === 'runbookLens.runSection' ? 'section' : 'block';
      const outline = api.authoring!.outline;
      const all = (nodes: OutlineNode[]): OutlineNode[] => nodes.flatMap((n) => [n, ...all(outline.getChildren(n))]);
      const node = all(outline.getChildren()).find((n) => n.kind === want)!;
      assert.ok(node, `the outline has a ${want}`);
      const r = await recording(() => vscode.commands.executeCommand(item.command, node, [node]));
      assertNoMisread(item.command, r);
      assert.ok(r.calls.some((c) => (c.ui === 'quickPick' || c.ui === 'inputBox') && /who/.test(c.text)), `${item.command} asked for <who>: ${JSON.stringify(r.calls)}`);
    });
  }

  for (const item of menus['editor/title']) {
    it(`editor/title: ${item.command} acts on the draft whose title bar it was clicked in`, async () => {
      await recording(() => vscode.commands.executeCommand('runbookLens.setSlackWebhook', ''));
      const draft = (await recording(() => vscode.commands.executeCommand<string>('runbookLens.composeMessage', 'update'))).result!;
      assert.match(path.basename(draft), /^message-update-[0-9TZ]+\.txt$/);
      await reset(); // the runbook is active, not the draft: the URI argument is what counts
      await vscode.env.clipboard.writeText('');
      // Editor title menus pass the resource and the editor group context.
      const r = await recording(() => vscode.commands.executeCommand(item.command, vscode.Uri.file(draft), { groupId: 1 }));
      assertNoMisread(item.command, r);
      assert.ok(!r.calls.some((c) => /open a message draft first/.test(c.text)), 'the draft was found');
      if (item.command === 'runbookLens.copyMessage') assert.equal(await vscode.env.clipboard.readText(), fs.readFileSync(draft, 'utf8'));
      else assert.ok(r.calls.some((c) => c.ui === 'warning' && /no Slack webhook is set/.test(c.text)), JSON.stringify(r.calls));
    });
  }

  for (const item of menus['editor/context']) {
    it(`editor/context: ${item.command} with the document URI behaves as from the palette`, async () => {
      const select = item.when?.includes('!editorHasSelection') ? undefined : new vscode.Selection(7, 0, 8, 0);
      const run = async (args: unknown[]) => {
        const editor = await reset();
        if (select) editor.selection = select;
        return recording(() => vscode.commands.executeCommand(item.command, ...args));
      };
      const baseline = await run([]);
      const r = await run([outlineDoc]);
      assertNoMisread(`${item.command}()`, baseline);
      assertNoMisread(`${item.command}(uri)`, r);
      assert.deepEqual(asked(r.calls), asked(baseline.calls));
      if (item.command === 'runbookLens.addNote') {
        const notes = readTimeline(dir).filter((e) => e.kind === 'note' && e.runbook === 'fixtures/outline.md');
        assert.deepEqual(notes.slice(-2).map((e) => e.text), ['echo "hello <who>"', 'echo "hello <who>"'], 'both took the selection');
      }
    });
  }

  it('commandPalette: every command runs with no argument, as the palette calls it, without misreading', async function () {
    this.timeout(120_000);
    const { commands } = manifest.contributes;
    const hidden = new Set(menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    // Copies the example into the test workspace, which other suites read.
    const leaveOut = new Set(['runbookLens.openExampleRunbook']);
    for (const { command } of commands) {
      if (hidden.has(command) || leaveOut.has(command)) continue;
      await reset();
      assertNoMisread(`${command}()`, await recording(() => vscode.commands.executeCommand(command)));
    }
  });
});
