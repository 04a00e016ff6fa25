import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { activeEditorText, revealLast, goToLine, fileMatching, incidentDir, lensForBlock, openFromExplorer, quickOpen, scenario, startIncidentWhenAsked, waitForLens } from './workbench';

test('scenario 2: start a block that sleeps, click ■ Stop, see it stopped in the lens and the timeline', () =>
  scenario('2-stop-block', { trust: true }, async ({ page, workspace, screenshot }) => {
    await quickOpen(page, 'getting-started.md');
    // Block 2: echo "Waiting 30 seconds…"; sleep 30; echo "Done waiting"
    await goToLine(page, 19);
    await (await lensForBlock(page, 'Waiting', /^▶ Run/)).click();
    await startIncidentWhenAsked(page, 'e2e scenario 2');
    const started = Date.now();

    await waitForLens(page, 'Waiting', /^■ Stop$/);
    await screenshot('2-stop-block-running');
    await (await lensForBlock(page, 'Waiting', /^■ Stop$/)).click();

    const result = await waitForLens(page, 'Waiting', /^■ stopped · /);
    assert.ok(Date.now() - started < 25_000, `stopped before the 30 s sleep ended (${result})`);
    await screenshot('2-stop-block-stopped-lens');

    const timeline = path.join(await incidentDir(workspace), 'timeline.md');
    const text = await fileMatching(timeline, /■ stopped/);
    assert.match(text, /Waiting 30 seconds/);
    assert.doesNotMatch(text, /Done waiting\n[^`]*```\s*\n\s*<\/details>/, 'the block did not reach its last line');
    await openFromExplorer(page, workspace, timeline);
    await revealLast(page, timeline, /^### .*stopped/);
    await activeEditorText(page).filter({ hasText: 'stopped' }).waitFor();
  }));
