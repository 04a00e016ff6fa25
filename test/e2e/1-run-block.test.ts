import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { activeEditorText, revealLast, fileMatching, goToLine, incidentDir, lensForBlock, waitForLens, openFromExplorer, quickOpen, runCommand, scenario, startIncidentWhenAsked } from './workbench';

test('scenario 1: open the reference runbook, click ▶ Run on a harmless block, see the result lens and the timeline line', () =>
  scenario('1-run-block', { trust: true }, async ({ page, workspace, screenshot }) => {
    await quickOpen(page, 'incident-response.md');
    // Lenses render empty first and get their titles a moment later.
    for (const title of ['▶ Run', 'Run in Terminal', 'Copy']) {
      await page.locator('.part.editor .codelens-decoration a', { hasText: title }).first().waitFor();
    }

    // Block 2 only calls a /slack command that does not exist here: harmless, exits 127.
    await goToLine(page, 41);
    await (await lensForBlock(page, 'create-channel', /^▶ Run/)).click();
    await startIncidentWhenAsked(page, 'e2e scenario 1');

    const result = await waitForLens(page, 'create-channel', /^✗ 127 · \d/);
    assert.match(result, /^✗ 127 · /);
    await screenshot('1-run-block-result-lens');

    const incident = await incidentDir(workspace);
    const timeline = path.join(incident, 'timeline.md');
    // The started record (written ahead) also names the block: wait for the result.
    const text = await fileMatching(timeline, /exit 127/);
    assert.match(text, /exit 127/);
    await openFromExplorer(page, workspace, timeline);
    await revealLast(page, timeline, /^### .*exit 127/);
    await activeEditorText(page).filter({ hasText: 'exit 127' }).waitFor();
    await activeEditorText(page).filter({ hasText: 'create-channel' }).waitFor();

    // Follow Output opens the run's output file, read-only: typing into it says why.
    await runCommand(page, 'Runbook Lens: Follow Output');
    await page.locator('.tabs-container .tab.active', { hasText: /^\d{8}T\d{9}Z.*\.log/ }).waitFor();
    await activeEditorText(page).filter({ hasText: '/slack' }).waitFor();
    await activeEditorText(page).click();
    await page.keyboard.type('x');
    await page.locator('.monaco-editor-overlaymessage', { hasText: 'The output of a run, as recorded' }).waitFor();
    await screenshot('1-follow-output-read-only');
    assert.equal(await page.locator('.tabs-container .tab.active.dirty').count(), 0, 'nothing typed into the record');
  }));
