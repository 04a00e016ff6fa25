// Runs in the second editor that teamTwoEditors.test.ts starts (scripts/test-vscode-peer.mjs):
// joins the first editor's incident with the real command, then watches its own Incident view
// until the first editor's run is listed, and says when.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunbookLensApi } from '../../../src/extension/extension';
import type { Node } from '../../../src/extension/incident/incidentTree';
import { EXTENSION_ID, lensTitles, waitFor, workspaceUri } from '../support';
import { readStep, writeStep, type Ran, type Seen } from './exchange';

/** The rows under "Timeline" in the Incident view, as VS Code asks the tree for them. */
function timelineRows(api: RunbookLensApi): Extract<Node, { kind: 'entry' }>[] {
  const group = api.incident.tree.getChildren().find((n) => n.kind === 'group' && n.id === 'timeline');
  return group ? api.incident.tree.getChildren(group).filter((n): n is Extract<Node, { kind: 'entry' }> => n.kind === 'entry') : [];
}

describe('peer editor: a teammate\'s incident, joined and watched', () => {
  it('Join Incident… by id, then the teammate\'s run appears in the Incident view', async function () {
    this.timeout(150_000);
    const exchange = process.env.RUNBOOK_LENS_PEER_DIR!;
    const id = process.env.RUNBOOK_LENS_PEER_INCIDENT!;
    assert.ok(exchange && id, 'started by teamTwoEditors.test.ts');
    const api = await vscode.extensions.getExtension<RunbookLensApi>(EXTENSION_ID)!.activate();
    const dir = await vscode.commands.executeCommand<string>('runbookLens.joinIncident', { id, remote: 'origin' });
    assert.ok(dir && path.isAbsolute(dir), `joined: ${dir}`);
    await waitFor('the joined incident in the Incident view', () => api.incident.model.current()?.dir === dir || undefined);
    writeStep(exchange, 'ready', { dir, at: Date.now() });

    // Only the poll brings the teammate's run here; look at the view as often as a user could.
    let seen: Seen | undefined;
    const deadline = Date.now() + 120_000;
    while (!seen && Date.now() < deadline) {
      const ran = readStep<Ran>(exchange, 'ran');
      const row = ran && timelineRows(api).find((n) => n.entry.id === ran.id && n.entry.status !== 'started');
      if (row) {
        const item = api.incident.tree.getTreeItem(row);
        seen = { id: row.entry.id, seenAt: Date.now(), label: String(item.label), tooltip: String(item.tooltip) };
      } else {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    assert.ok(seen, 'the teammate\'s run never appeared in the Incident view');
    writeStep(exchange, 'seen', seen);

    // The same runbook in this clone: its ▶ Run lens shows the teammate's result and name.
    const ran = readStep<Ran>(exchange, 'ran')!;
    const doc = await vscode.workspace.openTextDocument(workspaceUri(ran.runbook));
    await vscode.window.showTextDocument(doc);
    const lens = await waitFor('the teammate\'s result on the lens', async () => (await lensTitles(doc.uri)).find((l) => l.title.startsWith('✓ 0 · '))?.title);
    writeStep(exchange, 'seen', { ...seen, lens });
  });
});
