// Run Selection through the real command: only the selected lines run, through the same
// placeholder prompts, consent and recording as ▶ Run; a selection outside one block is refused.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../src/core/incident/types';
import type { KubeTargetService } from '../../src/extension/kube/targetService';
import { startFakeCluster, writeFakeKubeconfig } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import type { ExtensionServices } from '../../src/extension/services';
import { EXTENSION_ID, openRunbook, readTimeline, startIncident, withErrorMessages, withInputBox, workspaceRoot, workspaceUri } from './support';

const FILE = 'fixtures/selection.md';

interface Shown { kind: 'warning' | 'error'; message: string; detail?: string }

/** Answers the warning and error dialogs as a user would, recording what they said. */
async function withDialogs<T>(answer: (message: string) => string | undefined, fn: (shown: Shown[]) => Promise<T>): Promise<T> {
  const win = vscode.window as { showWarningMessage: unknown; showErrorMessage: unknown };
  const original = { warning: win.showWarningMessage, error: win.showErrorMessage };
  const shown: Shown[] = [];
  const fake = (kind: Shown['kind']) => async (message: string, ...rest: unknown[]) => {
    const options = typeof rest[0] === 'object' && rest[0] !== null ? rest[0] as vscode.MessageOptions : undefined;
    shown.push({ kind, message, detail: options?.detail });
    return answer(message);
  };
  win.showWarningMessage = fake('warning');
  win.showErrorMessage = fake('error');
  try {
    return await fn(shown);
  } finally {
    win.showWarningMessage = original.warning;
    win.showErrorMessage = original.error;
  }
}

async function select(startLine: number, endLine: number, endCharacter?: number): Promise<vscode.TextEditor> {
  const doc = await openRunbook(FILE);
  const editor = await vscode.window.showTextDocument(doc);
  const end = endCharacter ?? doc.lineAt(endLine - 1).text.length;
  editor.selection = new vscode.Selection(startLine - 1, 0, endLine - 1, end);
  return editor;
}

async function runSelection(): Promise<TimelineEntry | undefined> {
  // As the editor context menu calls it: with the document's URI.
  return vscode.commands.executeCommand<TimelineEntry | undefined>('runbookLens.runSelection', workspaceUri(FILE));
}

describe('Run Selection', () => {
  let incident: string;
  const scratch = () => path.join(workspaceRoot(), 'fixtures', 'selection-scratch');
  before(async () => {
    incident = await startIncident('extension-host suite: run selection');
  });
  afterEach(() => fs.rmSync(scratch(), { recursive: true, force: true }));

  it('runs only the selected lines, asks for no placeholder outside them, and records which lines ran', async () => {
    await select(8, 9);
    const entry = await withInputBox(() => assert.fail('no placeholder is in the selected lines'), () =>
      withDialogs(() => assert.fail('harmless lines need no consent'), () => runSelection()));
    assert.ok(entry, 'the run returns its entry');
    assert.deepEqual(entry.lines, [8, 9]);
    assert.equal(entry.selection, true);
    assert.equal(entry.command, 'DIR="selection-scratch"\nmkdir -p "$DIR" && echo "made $DIR"');
    assert.equal(entry.output, 'made selection-scratch\n');
    assert.equal(entry.status, 'ok');
    assert.ok(fs.existsSync(scratch()), 'mkdir ran');
    const recorded = readTimeline(incident).find((e) => e.id === entry.id);
    assert.deepEqual(recorded?.lines, [8, 9]);
    assert.equal(recorded?.selection, true);
  });

  it('a selection ending at the start of the next line takes whole lines only; its placeholders are asked', async () => {
    await select(10, 11, 0);
    const entry = await withInputBox((o) => (o.title?.includes('<who>') ? 'sre' : assert.fail(`unexpected prompt ${o.title}`)), async (calls) => {
      const e = await runSelection();
      assert.equal(calls.length, 1);
      return e;
    });
    assert.ok(entry);
    assert.deepEqual(entry.lines, [10, 10]);
    assert.equal(entry.output, 'greeting sre\n');
  });

  it('a destructive line asks consent naming the lines, the block, its section and the directory the block sets', async () => {
    fs.mkdirSync(scratch(), { recursive: true });
    await select(8, 11);
    let entry: TimelineEntry | undefined;
    const shown = await withInputBox(() => 'sre', () => withDialogs((m) => (m.startsWith('Run ') ? 'Run' : undefined), async (s) => {
      entry = await runSelection();
      return s;
    }));
    const ask = shown.find((s) => s.kind === 'warning');
    assert.ok(ask, `a consent dialog; got ${JSON.stringify(shown)}`);
    assert.match(ask.message, /^Run lines 8–11 of “Clean the scratch folder” in Cleanup › Scratch files on /);
    assert.doesNotMatch(ask.message, /block \d/);
    assert.match(ask.detail ?? '', /`rm -r selection-scratch` \(line 11\)/);
    assert.ok(entry, 'Run was chosen, so it ran');
    assert.equal(entry.confirmation?.method, 'modal');
    assert.deepEqual(entry.lines, [8, 11]);
    assert.ok(!fs.existsSync(scratch()), 'rm ran');
  });

  it('a selection outside a block, across two blocks, or empty: a clear error and nothing runs', async () => {
    const before = readTimeline(incident).length;
    for (const [start, end, why] of [
      [15, 15, /line 15 is not inside a runnable block/],
      [11, 20, /lines 11–20 span 2 blocks \(“Clean the scratch folder” in Cleanup › Scratch files, the block at line 19 in Selection fixture › Other\)/],
      [7, 7, /has no command/],
    ] as const) {
      await select(start, end);
      const shown = await withDialogs(() => undefined, async (s) => {
        assert.equal(await runSelection(), undefined);
        return s;
      });
      assert.equal(shown.length, 1, JSON.stringify(shown));
      assert.match(shown[0].message, why);
      assert.equal(shown[0].kind, 'error');
    }
    const editor = await select(9, 9);
    editor.selection = new vscode.Selection(8, 2, 8, 2);
    const empty = await withDialogs(() => undefined, async (s) => {
      assert.equal(await runSelection(), undefined);
      return s;
    });
    assert.match(empty[0]?.message ?? '', /nothing is selected/);
    assert.equal(readTimeline(incident).length, before, 'nothing was recorded');
  });

  it('on a protected context the typed confirmation names the block and section too; a wrong name runs nothing', async () => {
    const cluster = await startFakeCluster(photonFixture('prod', { tokens: { 'p-token': { name: 'sre' } } }));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-vscode-selection-'));
    const kubeconfig = writeFakeKubeconfig(path.join(tmp, 'config'), [{ context: 'prod-eu', server: cluster.url, namespace: 'photon-mlir', token: 'p-token' }], 'prod-eu');
    const config = () => vscode.workspace.getConfiguration('runbookLens');
    const api = await vscode.extensions.getExtension<{ services: ExtensionServices }>(EXTENSION_ID)!.activate();
    const target = api.services.target as KubeTargetService;
    await config().update('kubeconfig', [kubeconfig], vscode.ConfigurationTarget.Workspace);
    try {
      // A new incident first: choosing a target pins it to the incident that is open.
      const protectedIncident = await startIncident('extension-host suite: run selection on a protected context');
      await target.choose({ context: 'prod-eu', cluster: 'prod-eu', namespace: 'photon-mlir' });
      fs.mkdirSync(scratch(), { recursive: true });
      const attempt = async (typed: string) => {
        await select(8, 11);
        const prompts: string[] = [];
        let entry: TimelineEntry | undefined;
        const shown = await withInputBox((o) => (o.title?.includes('<who>') ? 'sre' : (prompts.push(o.prompt ?? ''), typed)), () =>
          withDialogs((m) => (m.startsWith('Run ') ? 'Run' : undefined), async (s) => {
            entry = await runSelection();
            return s;
          }));
        return { entry, prompts, asked: shown.filter((s) => s.kind === 'warning').map((s) => s.message) };
      };
      const wrong = await attempt('prod');
      assert.equal(wrong.entry, undefined, 'the wrong context name: nothing ran');
      assert.ok(fs.existsSync(scratch()), 'rm did not run');
      assert.equal(readTimeline(protectedIncident).filter((e) => e.kind === 'command').length, 0, 'nothing recorded');
      const right = await attempt('prod-eu');
      assert.deepEqual(right.asked, ['Run lines 8–11 of “Clean the scratch folder” in Cleanup › Scratch files on prod-eu/photon-mlir?']);
      assert.deepEqual(right.prompts, ['Type the context name "prod-eu" to run lines 8–11 of “Clean the scratch folder” in Cleanup › Scratch files there']);
      assert.ok(right.entry, 'the right name: it ran');
      assert.equal(right.entry.confirmation?.method, 'typed-context');
      assert.deepEqual(right.entry.target, { context: 'prod-eu', cluster: 'prod-eu', namespace: 'photon-mlir' });
      assert.ok(!fs.existsSync(scratch()), 'rm ran');
    } finally {
      // No target left to pin before the suite's own incident is open again.
      await target.forget();
      await config().update('kubeconfig', undefined, vscode.ConfigurationTarget.Workspace);
      target.reload();
      await api.services.incidents.setCurrent?.(incident);
      await cluster.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('from the palette (no argument) it uses the active editor', async () => {
    await select(12, 12);
    const entry = await withErrorMessages(async (errors) => {
      const e = await vscode.commands.executeCommand<TimelineEntry | undefined>('runbookLens.runSelection');
      assert.ok(e, `it ran; errors: ${errors.join(' | ')}`);
      return e;
    });
    assert.deepEqual(entry.lines, [12, 12]);
    // Only line 12 ran: DIR, set on line 8, is not set.
    assert.equal(entry.output, 'removed \n');
  });
});
