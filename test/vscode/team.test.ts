import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { RunbookLensApi } from '../../src/extension/extension';
import { addNote, startIncident as startInCore } from '../../src/core/incident/lifecycle';
import { joinIncident, shareIncident, syncShared } from '../../src/core/team/teamIncident';
import { EXTENSION_ID, startIncident, waitFor, withSettings, workspaceRoot } from './support';

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
});
