import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { parseRunbook } from '../../src/core/runbook/parse';
import { EXTENSION_ID, openRunbook, runBlock, startIncident, waitFor, withSettings, workspaceRoot } from './support';
import { readStep, writeStep, type Ready, type Seen } from './peer/exchange';

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }).trim();

const POLL_SECONDS = 2;
/**
 * On top of the two poll intervals the issue allows: the peer looks at its view every 50 ms, the
 * hand-over goes through files, and two extension hosts, two code-servers and two browsers
 * share this machine (2 cores, other suites running).
 */
const HARNESS_ALLOWANCE_MS = 1500;

/**
 * Issue 14: two editors on clones of one remote. This window (alice) shares an incident; a
 * second code-server (its own user data and extensions folders, its own browser), started by
 * scripts/test-vscode-peer.mjs on a `git clone` of the same bare repository, joins it as bob
 * (test/vscode/peer/teamWatcher.ts). A ▶ Run here must be listed in bob's Incident view
 * within two poll intervals.
 */
describe('team incidents in two editors: a run in one appears in the other\'s timeline view', () => {
  let tmp: string;
  let peer: ChildProcess | undefined;
  let peerExit: Promise<number | null> | undefined;
  let peerLog: string;
  const ws = () => workspaceRoot();
  const logTail = () => (fs.existsSync(peerLog) ? fs.readFileSync(peerLog, 'utf8').split('\n').slice(-40).join('\n') : '(no log)');

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-vscode-two-editors-'));
  });
  after(async () => {
    if (peer && peer.exitCode === null && peer.signalCode === null) {
      peer.kill('SIGTERM'); // the peer script stops its code-server and browser on the way out
      await Promise.race([peerExit, new Promise((r) => setTimeout(r, 10_000))]);
    }
    fs.rmSync(path.join(ws(), '.git'), { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(`a ▶ Run here shows in the teammate's Incident view within 2 × ${POLL_SECONDS} s (+ ${HARNESS_ALLOWANCE_MS} ms for the harness)`, async function () {
    this.timeout(150_000);
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    // One remote; this workspace pushes the runbook to it, bob's folder is a clone of it.
    const bare = path.join(tmp, 'origin.git');
    git(tmp, 'init', '-q', '--bare', '-b', 'main', bare);
    const rel = 'team-two-editors.md';
    fs.writeFileSync(path.join(ws(), rel), '# Two editors\n\n```bash\necho "alice checked the queue"\n```\n');
    git(ws(), 'init', '-q', '-b', 'main');
    git(ws(), 'remote', 'add', 'origin', bare);
    git(ws(), 'add', rel);
    git(ws(), '-c', 'user.name=alice', '-c', 'user.email=alice@example.test', 'commit', '-q', '-m', 'runbook');
    git(ws(), 'push', '-q', 'origin', 'main');
    const bob = path.join(tmp, 'bob');
    git(tmp, 'clone', '-q', bare, bob);
    const exchange = path.join(tmp, 'exchange');
    fs.mkdirSync(exchange);

    await withSettings({ 'team.pollSeconds': POLL_SECONDS, actor: 'alice' }, async () => {
      await startIncident('extension-host suite: two editors');
      const shared = await vscode.commands.executeCommand<{ link: { incidentId: string } }>('runbookLens.shareIncident', 'origin');
      assert.ok(shared, 'shared');

      // The second editor: a harness process of its own. This host's variables would make its
      // code-server take itself for this one's child (CODE_SERVER_PARENT_PID…).
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VSCODE_|ELECTRON_|CODE_SERVER_|RUNBOOK_LENS_TEST_)/.test(k)));
      peerLog = path.join(extensionPath, 'test-results', 'vscode-peer.log');
      fs.mkdirSync(path.dirname(peerLog), { recursive: true });
      const log = fs.openSync(peerLog, 'w');
      peer = spawn(process.execPath, [
        '--import', 'tsx', 'scripts/test-vscode-peer.mjs',
        '--workspace', bob,
        '--suite', 'teamWatcher',
        '--settings', JSON.stringify({ 'runbookLens.team.pollSeconds': POLL_SECONDS, 'runbookLens.actor': 'bob' }),
        '--env', JSON.stringify({ RUNBOOK_LENS_PEER_DIR: exchange, RUNBOOK_LENS_PEER_INCIDENT: shared.link.incidentId }),
      ], { cwd: extensionPath, env, stdio: ['ignore', log, log] });
      fs.closeSync(log);
      const started = peer;
      peerExit = new Promise((resolve) => started.once('exit', (code) => resolve(code)));

      const ready = await waitFor('the second editor to join', () => {
        if (started.exitCode !== null) throw new Error(`the second editor stopped (exit ${started.exitCode}):\n${logTail()}`);
        return readStep<Ready>(exchange, 'ready');
      }, 100_000);
      assert.equal(path.basename(ready.dir), shared.link.incidentId);

      const doc = await openRunbook(rel);
      const entry = await runBlock(doc.uri, parseRunbook(doc.getText()).blocks[0].index);
      const returnedAt = Date.now();
      assert.equal(entry?.status, 'ok', `the run: ${JSON.stringify(entry)}`);
      writeStep(exchange, 'ran', { id: entry!.id, runbook: rel, returnedAt });

      const code = await Promise.race([peerExit, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))]);
      const seen = readStep<Seen>(exchange, 'seen');
      assert.equal(code, 0, `the second editor's suite (exit ${code}):\n${logTail()}`);
      assert.ok(seen, 'the second editor reported what it saw');
      assert.equal(seen.id, entry!.id);
      const latency = seen.seenAt - returnedAt;
      assert.ok(latency <= 2 * POLL_SECONDS * 1000 + HARNESS_ALLOWANCE_MS, `listed in bob's view ${latency} ms after the run returned`);
      assert.match(seen.tooltip, /· alice\n/, 'the row names who ran it');
      assert.match(seen.label, /^Ran “Two editors” \(exit 0\)$/);
      assert.match(seen.lens ?? '', /^✓ 0 · .+ · alice$/, 'bob\'s lens on his clone of the runbook');
      // With the spec lines (the runner sends them to the driver): what this machine measured.
      Mocha.reporters.Base.consoleLog(`      listed in the second editor ${latency} ms after the run returned (poll ${POLL_SECONDS} s)`);
    });
  });
});
