import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { activeEditorText, revealLast, goToLine, fileMatching, incidentDir, lensForBlock, openFromExplorer, quickOpen, scenario, startIncidentWhenAsked, waitForLens } from './workbench';

test('scenario 4: fill a placeholder in the input box and find the value in the recorded command', () =>
  scenario('4-placeholder', { trust: true }, async ({ page, workspace, screenshot }) => {
    await quickOpen(page, 'getting-started.md');
    // Block 3: echo "Checking the health of <service>"
    await goToLine(page, 30);
    await (await lensForBlock(page, 'health', /^▶ Run/)).click();
    await startIncidentWhenAsked(page, 'e2e scenario 4');

    const box = page.locator('.quick-input-widget');
    await box.locator('.quick-input-title', { hasText: '<service>' }).waitFor();
    await box.locator('input[type="text"]').fill('checkout');
    await screenshot('4-placeholder-input-box');
    await page.keyboard.press('Enter');

    await waitForLens(page, 'health', /^✓ 0 · /);
    await screenshot('4-placeholder-result-lens');
    const timeline = path.join(await incidentDir(workspace), 'timeline.md');
    const text = await fileMatching(timeline, /Checking the health of checkout/);
    assert.doesNotMatch(text, /<service>/, 'the recorded command has the value, not the placeholder');
    await openFromExplorer(page, workspace, timeline);
    await revealLast(page, timeline, /^### .*block 3/);
    await activeEditorText(page).filter({ hasText: 'checkout' }).waitFor();
  }));
