import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileMatching, goToLine, incidentDir, lensForBlock, quickOpen, runCommand, scenario, startIncidentWhenAsked, waitForLens } from './workbench';

// fixtures/selection.md: “Clean the scratch folder” (Cleanup › Scratch files), fence at line 7,
// DIR="selection-scratch" on line 8, mkdir on 9, a <who> placeholder on 10, rm -r "$DIR" on 11.
test('scenario 7: the consent modal names the block and section with the folder the block sets; the output shows the block once; Run Selection from the context menu', () =>
  scenario('7-consent-selection', { trust: true }, async ({ page, workspace, screenshot }) => {
    await quickOpen(page, 'selection.md');
    await goToLine(page, 8);
    await (await lensForBlock(page, 'DIR="selection-scratch"', /^▶ Run/)).click();
    await startIncidentWhenAsked(page, 'e2e scenario 7');

    const box = page.locator('.quick-input-widget');
    await box.locator('.quick-input-title', { hasText: '<who>' }).waitFor();
    await box.locator('input[type="text"]').fill('sre');
    await page.keyboard.press('Enter');

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const asked = await dialog.innerText();
    assert.match(asked, /Run “Clean the scratch folder” in Cleanup › Scratch files on /);
    assert.match(asked, /`rm -r selection-scratch` \(line 11\)/);
    assert.doesNotMatch(asked, /block \d/);
    await screenshot('7-consent-modal');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForLens(page, 'DIR="selection-scratch"', /^✓ 0 · /);

    await runCommand(page, 'Runbook Lens: Show Run Output');
    const output = page.locator('.part.panel .monaco-editor .view-lines');
    await output.filter({ hasText: '▶ “Clean the scratch folder” in Cleanup › Scratch files' }).waitFor();
    await output.filter({ hasText: 'removed selection-scratch' }).waitFor();
    // Monaco draws spaces as no-break spaces.
    const shown = (await output.innerText()).replace(/\u00a0/g, ' ');
    assert.match(shown, /┌─ code/);
    assert.match(shown, /│ rm -r "\$DIR"/);
    assert.doesNotMatch(shown, /\$ DIR=/, 'no line is echoed as an executed command');
    await screenshot('7-output-channel');

    // Lines 8–9: the cursor at the start of line 8, Shift+Down twice ends at the start of line 10.
    await goToLine(page, 8);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.locator('.part.editor .view-line', { hasText: 'mkdir -p' }).first().click({ button: 'right' });
    const item = page.locator('.monaco-menu .action-item', { hasText: 'Run Selection' }).first();
    await item.waitFor();
    await screenshot('7-run-selection-menu');
    await item.click();
    await output.filter({ hasText: '▶ Lines 8–9 of “Clean the scratch folder” in Cleanup › Scratch files' }).waitFor();
    await output.filter({ hasText: 'made selection-scratch' }).waitFor();
    await screenshot('7-run-selection-output');

    const timeline = path.join(await incidentDir(workspace), 'timeline.jsonl');
    // The result line, not only the run's write-ahead `started` record.
    await fileMatching(timeline, /"selection":true.*"startedEntry"/);
    const entries = fs.readFileSync(timeline, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { lines?: number[]; selection?: boolean; status?: string });
    const selected = entries.filter((e) => e.selection && e.status !== 'started');
    assert.deepEqual(selected.map((e) => e.lines), [[8, 9]]);
  }));
