import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { lensesInView, quickOpen, scenario } from './workbench';

test('scenario 3: in an untrusted workspace no block runs, and the user is told why', () =>
  scenario('3-untrusted', { trust: false }, async ({ page, workspace }) => {
    await quickOpen(page, 'incident-response.md');
    // Either the lenses say why (preferred), or ▶ Run explains it when clicked. Lenses render
    // empty first and may be redrawn when the extension learns the trust state: poll.
    const target = await clickableLens(page);
    if (/trust/i.test(target.text)) {
      const titles = (await lensesInView(page)).map((l) => l.text);
      assert.ok(!titles.some((t) => /^▶ Run/.test(t)), `no ▶ Run lens while runs are disabled: ${titles.join(' | ')}`);
    }
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

async function clickableLens(page: Page) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const lenses = await lensesInView(page);
    const hit = lenses.find((l) => /trust/i.test(l.text)) ?? lenses.find((l) => /^▶ Run/.test(l.text));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no lens mentions trust and no ▶ Run: ${lenses.map((l) => l.text).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
