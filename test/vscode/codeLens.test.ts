import * as assert from 'node:assert/strict';
import { lensTitles, openRunbook } from './support';

// 1-based lines of the 17 runnable fences in examples/incident-response.md.
const FENCES = [29, 41, 48, 58, 85, 97, 109, 170, 194, 206, 221, 281, 296, 311, 333, 344, 358];

describe('CodeLens on the reference runbook', () => {
  it('shows 17 ▶ Run lenses, each on the line of its fence', async () => {
    const doc = await openRunbook('incident-response.md');
    const lenses = await lensTitles(doc.uri);
    const runs = lenses.filter((l) => l.title.startsWith('▶ Run'));
    assert.equal(runs.length, 17, `titles: ${lenses.map((l) => l.title).join(' | ')}`);
    assert.deepEqual(runs.map((l) => l.line + 1), FENCES);
    for (const line of FENCES) {
      assert.match(doc.lineAt(line - 1).text, /^\s*```bash/, `line ${line} is a bash fence`);
    }
  });

  it('runs block i with runbookLens.runBlock(uri, i), next to Run in Terminal and Copy', async () => {
    const doc = await openRunbook('incident-response.md');
    const lenses = await lensTitles(doc.uri);
    const runs = lenses.filter((l) => l.title.startsWith('▶ Run'));
    runs.forEach((l, i) => {
      assert.equal(l.command?.command, 'runbookLens.runBlock');
      assert.equal(String(l.command?.arguments?.[0]), String(doc.uri));
      assert.equal(l.command?.arguments?.[1], i + 1);
    });
    for (const title of ['Run in Terminal', 'Copy']) {
      assert.deepEqual(lenses.filter((l) => l.title === title).map((l) => l.line + 1), FENCES, `${title} lenses`);
    }
  });

  it('shows no lens on prose, tables or non-shell fences', async () => {
    const doc = await openRunbook('incident-response.md');
    const lenses = await lensTitles(doc.uri);
    const lines = new Set(lenses.map((l) => l.line + 1));
    assert.deepEqual([...lines].sort((a, b) => a - b), FENCES);
  });
});
