import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lensesInView, quickOpen, scenario } from './workbench';

test('scenario 3: in an untrusted workspace no block runs, and the user is told why', () =>
  scenario('3-untrusted', { trust: false }, async ({ page, workspace }) => {
    await quickOpen(page, 'incident-response.md');
    // Lenses render empty first and get their titles a moment later.
    await page.locator('.part.editor .codelens-decoration a', { hasText: /trust|▶ Run/i }).first().waitFor();
    const lenses = await lensesInView(page);
    const trustLens = lenses.find((l) => /trust/i.test(l.text));
    // Either the lenses say why (preferred), or ▶ Run explains it when clicked.
    const target = trustLens ?? lenses.find((l) => /^▶ Run/.test(l.text));
    assert.ok(target, `a lens to click: ${lenses.map((l) => l.text).join(' | ')}`);
    await target.link.click();

    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /trust/i });
    const trustEditor = page.locator('.tabs-container .tab', { hasText: 'Workspace Trust' });
    await toast.or(trustEditor).first().waitFor();

    // Also try every Run in Terminal lens on screen: nothing may start.
    for (const l of (await lensesInView(page)).filter((x) => x.text === 'Run in Terminal')) await l.link.click();
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(fs.existsSync(path.join(workspace, 'incidents')), false, 'no incident folder, so nothing was recorded or run');
    assert.equal(await page.locator('.terminal-tab, .single-terminal-tab').count(), 0, 'no terminal was opened');
  }));
