import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { RunbookLensApi } from '../../src/extension/extension';
import { addNote, startIncident as startInCore } from '../../src/core/incident/lifecycle';
import { joinIncident, shareIncident, syncShared } from '../../src/core/team/teamIncident';
import { appendEntry } from '../../src/core/incident/timeline';
import { parseRunbook } from '../../src/core/runbook/parse';
import { EXTENSION_ID, lensTitles, openRunbook, runBlock, startIncident, waitFor, withSettings, workspaceRoot } from './support';

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }).trim();

/**
 * The workspace is made a clone of a bare repository on disk (for this suite only); a teammate
 * works in a second clone through the same core the CLI uses, as another process would.
 */
describe('team incidents in the editor: share, a teammate\'s entries arriving by poll, join, leave', () => {
  let api: RunbookLensApi;
  let tmp: string;
  let bare: string;
  let mate: string;
  const ws = () => workspaceRoot();

  before(async () => {
    api = await vscode.extensions.getExtension<RunbookLensApi>(EXTENSION_ID)!.activate();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-vscode-team-'));
    bare = path.join(tmp, 'origin.git');
    git(tmp, 'init', '-q', '--bare', '-b', 'main', bare);
    git(ws(), 'init', '-q', '-b', 'main');
    git(ws(), 'remote', 'add', 'origin', bare);
    mate = path.join(tmp, 'mate');
    git(tmp, 'init', '-q', '-b', 'main', mate);
    git(mate, 'remote', 'add', 'origin', bare);
    git(mate, 'config', 'user.name', 'bob');
  });
  after(() => {
    fs.rmSync(path.join(ws(), '.git'), { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('Share Incident with Team… pushes it; a teammate\'s note shows in the timeline within two poll intervals', async function () {
    this.timeout(60_000);
    const dir = await startIncident('extension-host suite: team');
    await withSettings({ 'team.pollSeconds': 3 }, async () => {
      const shared = await vscode.commands.executeCommand<{ link: { incidentId: string } }>('runbookLens.shareIncident');
      assert.ok(shared, 'shared');
      const id = shared.link.incidentId;
      assert.match(git(bare, 'for-each-ref', '--format=%(refname)'), new RegExp(`refs/heads/runbook-lens/incidents/${id}`));

      const joined = await joinIncident(id, { cwd: mate, remote: 'origin', into: path.join(mate, 'incidents') });
      const note = await addNote(joined.dir, 'bob: the cache node is back', { actor: 'bob' });
      await syncShared(joined.dir, { actor: 'bob' });
      // Nothing triggers a sync here but the poll.
      const seen = await waitFor('the teammate\'s note in the open incident', () => api.incident?.model.current()?.entries.find((e) => e.id === note.id), 2 * 3000 + 8000);
      assert.equal(seen.actor, 'bob');
      assert.equal(api.incident?.model.current()?.dir, dir);
    });
  });

  it('Join Incident… lists the remote\'s incidents with title, severity, status and responders, and opens the one picked', async function () {
    this.timeout(60_000);
    const { dir } = await startInCore(path.join(mate, 'incidents'), { title: 'Payments latency', severity: 'P1' }, { actor: 'bob' });
    const theirs = await shareIncident(dir, { cwd: mate, remote: 'origin', actor: 'bob' });
    const win = vscode.window as unknown as { showQuickPick: unknown };
    const original = win.showQuickPick;
    let listed: { label: string; description?: string; detail?: string; id: string }[] = [];
    win.showQuickPick = async (items: typeof listed) => {
      listed = await items;
      return listed.find((i) => i.id === theirs.link.incidentId);
    };
    try {
      const joined = await vscode.commands.executeCommand<string>('runbookLens.joinIncident');
      assert.ok(joined && path.isAbsolute(joined));
      const item = listed.find((i) => i.id === theirs.link.incidentId)!;
      assert.equal(item.label, 'Payments latency');
      assert.match(item.description ?? '', /^P1 · investigating · /);
      assert.match(item.detail ?? '', /^bob · /);
      assert.equal(listed.length, 2, 'both shared incidents are listed');
      await waitFor('the joined incident to be the open one', () => api.incident?.model.current()?.incident.title === 'Payments latency' || undefined);
      assert.ok(joined.startsWith(ws()), 'joined into the workspace\'s incidents folder');

      const left = await vscode.commands.executeCommand<boolean>('runbookLens.leaveIncident');
      assert.equal(left, true);
      assert.equal(fs.existsSync(path.join(joined, '.team.json')), false, 'no longer synced');
    } finally {
      win.showQuickPick = original;
    }
  });
  it('a teammate\'s run shows on my lens with their name, and the consent dialog of that destructive block says so', async function () {
    this.timeout(60_000);
    const dir = await startIncident('extension-host suite: a teammate ran it');
    const rel = 'team-lens.md';
    const file = path.join(ws(), rel);
    fs.writeFileSync(file, '# Team\n\n```bash\nrm -rf ./team-lens-scratch\n```\n');
    const win = vscode.window as { showWarningMessage: unknown };
    const original = win.showWarningMessage;
    try {
      const doc = await openRunbook(rel);
      const index = parseRunbook(doc.getText()).blocks[0].index;
      // bob's run arrives in the open incident's timeline, as a sync writes it.
      await appendEntry(dir, {
        id: 'bob-ran-it', time: new Date(Date.now() - 3 * 60_000).toISOString(), kind: 'command', actor: 'bob',
        runbook: rel, block: index, status: 'ok', exitCode: 0, durationMs: 1200, target: null,
      });
      await api.incident!.model.reload();
      await waitFor('bob\'s result on the lens', async () => (await lensTitles(doc.uri)).some((l) => l.title === '✓ 0 · 1.2 s · bob') || undefined);

      const shown: { message: string; detail?: string }[] = [];
      win.showWarningMessage = async (message: string, options?: vscode.MessageOptions) => {
        shown.push({ message, detail: options?.detail });
        return undefined; // declined: nothing runs
      };
      await runBlock(doc.uri, index);
      const consent = shown.find((s) => /destructive/i.test(`${s.message} ${s.detail ?? ''}`));
      assert.ok(consent, `a consent dialog: ${JSON.stringify(shown)}`);
      assert.match(consent.detail ?? '', /^bob ran this block 3 min ago locally: ✓ 0\n/);
    } finally {
      win.showWarningMessage = original;
      fs.rmSync(file, { force: true });
    }
  });
  it('without runbookLens.actor, my entries carry git\'s user.name of the workspace, as the CLI\'s do', async function () {
    this.timeout(30_000);
    const dir = await startIncident('extension-host suite: actor from git');
    git(ws(), 'config', 'user.name', 'carol-from-git');
    try {
      await withSettings({ actor: '' }, async () => {
        // The editor asks git at most every 5 s; a note written after that names carol.
        await new Promise((r) => setTimeout(r, 5500));
        await vscode.commands.executeCommand('runbookLens.addNote', 'checked the pods');
        const note = await waitFor('the note', async () => (await api.incident!.model.reload())?.entries.find((e) => e.kind === 'note' && e.text === 'checked the pods'));
        assert.equal(note.actor, 'carol-from-git');
        assert.equal(api.incident?.model.current()?.dir, dir);
      });
    } finally {
      git(ws(), 'config', '--unset', 'user.name');
    }
  });
});
