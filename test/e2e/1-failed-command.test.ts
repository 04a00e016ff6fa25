import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { activeEditorText, revealLast, fileMatching, incidentDir, lensForBlock, waitForLens, openFromExplorer, quickOpen, scenario, startIncidentWhenAsked } from './workbench';

test('scenario 1b: ▶ Run on a block whose first commands fail and whose last succeeds shows the failure, never ✓', () =>
  scenario('1-failed-command', { trust: true }, async ({ page, workspace, screenshot }) => {
    await quickOpen(page, 'failing-steps.md');
    await (await lensForBlock(page, 'Test connectivity', /^▶ Run/)).click();
    await startIncidentWhenAsked(page, 'e2e scenario 1b');

    // bash returned 0 (the last command succeeded), but two commands failed before it.
    const result = await waitForLens(page, 'Test connectivity', /^✗ 0 · 2 commands failed · \d/);
    assert.doesNotMatch(result, /✓/);
    await screenshot('1-failed-command-lens');

    const timeline = path.join(await incidentDir(workspace), 'timeline.md');
    const text = await fileMatching(timeline, /✗ exit 0, 2 failed commands/);
    assert.match(text, /### .* · ✗ exit 0, 2 failed commands \(first: line 10, exit 2\) · .* · block 1 — Database Connection Issues/);
    assert.match(text, /- First failed command: `ls \/nonexistent-rl-db-socket` \(line 10, exit 2\)/);
    await openFromExplorer(page, workspace, timeline);
    await revealLast(page, timeline, /^### .*failed commands/);
    await activeEditorText(page).filter({ hasText: '2 failed commands' }).waitFor();
    await screenshot('1-failed-command-timeline');
  }));
