import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { runCommand, scenario } from './workbench';
import { repoRoot } from '../harness/paths';

const FIXTURES = path.join(repoRoot, 'test/fixtures/incidents');
const BIG = 10_000;

/** The recorded incidents, with runbook paths pointing at the workspace's copy of the reference runbook. */
function seedIncidents(workspace: string): void {
  const root = path.join(workspace, 'incidents');
  fs.cpSync(FIXTURES, root, { recursive: true });
  for (const name of fs.readdirSync(root)) {
    const file = path.join(root, name, 'timeline.jsonl');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('runbooks/incident-response.md', 'incident-response.md'));
  }
  // A long incident: 10,000 runs, every 7th failing.
  const dir = path.join(root, '2026-11-20-0900-load-test');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'incident.json'), JSON.stringify({
    id: '2026-11-20-0900-load-test', title: 'Load test: 10,000 runs', severity: 'P2', status: 'investigating', commander: 'perf',
    createdAt: '2026-11-20T09:00:00.000Z', milestones: { started: '2026-11-20T09:00:00.000Z' }, target: null,
  }));
  const t0 = Date.parse('2026-11-20T09:00:00Z');
  const lines = Array.from({ length: BIG }, (_, i) => JSON.stringify({
    id: `r${i}`, time: new Date(t0 + i * 1000).toISOString(), kind: 'command', actor: 'perf', runbook: 'incident-response.md',
    block: 1 + (i % 17), line: 29, command: `kubectl get pods -n photon-mlir # run ${i}`, exitCode: i % 7 === 0 ? 1 : 0, durationMs: 200 + (i % 900), output: `run ${i}\n`,
  }));
  fs.writeFileSync(path.join(dir, 'timeline.jsonl'), lines.join('\n') + '\n');
}

async function openIncident(page: Page, title: string): Promise<void> {
  await runCommand(page, 'Runbook Lens: Open Incident…');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('input[type="text"]').fill(title);
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
  await widget.waitFor({ state: 'hidden' });
}

/** The content frame of the webview panel whose tab shows `tab`. */
async function webview(page: Page, tab: RegExp): Promise<FrameLocator> {
  await page.locator('.tabs-container .tab', { hasText: tab }).first().click();
  const outer = page.frameLocator('iframe.webview.ready:visible');
  return outer.frameLocator('#active-frame');
}

test('scenario 8: timeline and metrics webviews on recorded incidents (filters, click to the runbook, 10,000 entries, charts)', () =>
  scenario('8-incident-views', { trust: true }, async ({ page, workspace, screenshot }) => {
    seedIncidents(workspace);
    // The extension's contributions are in once its activity-bar container shows.
    await page.locator('.activitybar .action-item a[aria-label^="Runbook Lens"]').first().waitFor();
    await openIncident(page, 'photon-compiler returns 503');
    await page.locator('.statusbar-item', { hasText: 'photon-compiler returns 503' }).waitFor();

    await runCommand(page, 'Runbook Lens: Show Incident Timeline');
    let frame = await webview(page, /Timeline: photon/);
    await frame.locator('#count', { hasText: '17 of 17' }).waitFor();
    assert.equal(await frame.locator('.row.failed').count(), 2);
    assert.equal(await frame.locator('.row .codicon-pinned').count(), 1, 'the pinned rollback shows a pin');

    // Click the failed rollout history run (named by its section): the runbook opens at its line, the full
    // output in the side column with the timeline: two columns, never a third that squeezes the lenses.
    await frame.locator('.row.failed', { hasText: 'Investigation Phase' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'incident-response.md' }).waitFor();
    await page.locator('.tabs-container .tab', { hasText: 'e05.log' }).waitFor();
    assert.equal(await page.locator('.part.editor .editor-group-container').count(), 2, 'runbook | timeline and output');
    frame = await webview(page, /Timeline: photon/);
    await frame.locator('#details pre.out', { hasText: 'NotFound' }).waitFor();
    await screenshot('8-timeline-details');

    await frame.locator('#failures').check();
    await frame.locator('#count', { hasText: '2 of 17' }).waitFor();
    await frame.locator('#failures').uncheck();
    await frame.locator('.chip[data-kind="command"]').click();
    await frame.locator('#count', { hasText: '12 of 17' }).waitFor();
    await frame.locator('.chip[data-kind="command"]').click();
    await screenshot('8-timeline');

    // 10,000 entries: all counted, only a screenful in the DOM, the end reachable.
    await page.keyboard.press('Escape');
    await openIncident(page, 'Load test: 10,000 runs');
    frame = await webview(page, /Timeline: Load test/);
    await frame.locator('#count', { hasText: `${BIG} of ${BIG}` }).waitFor({ timeout: 20_000 });
    const rendered = await frame.locator('.row').count();
    assert.ok(rendered > 10 && rendered < 150, `${rendered} rows in the DOM for ${BIG} entries`);
    await frame.locator('#list').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await frame.locator('.row', { hasText: `# run ${BIG - 1}` }).waitFor();
    await frame.locator('#failures').check();
    await frame.locator('#count', { hasText: `${Math.ceil(BIG / 7)} of ${BIG}` }).waitFor();
    await screenshot('8-timeline-10000');

    // The metrics get the whole window.
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(page, 'Runbook Lens: Show Incident Metrics');
    frame = await webview(page, /Incident Metrics/);
    await frame.locator('.tile', { hasText: 'Incidents' }).locator('.value', { hasText: '7' }).waitFor();
    await frame.locator('.tile', { hasText: 'Repeat rate' }).locator('.value', { hasText: '42.9 %' }).waitFor();
    assert.equal(await frame.locator('canvas').count(), 5);
    assert.equal(await frame.locator('#table tbody tr').count(), 7);
    await page.waitForTimeout(600); // chart animations settle
    await screenshot('8-metrics');
    await frame.locator('#table').scrollIntoViewIfNeeded();
    await screenshot('8-metrics-table');
  }));
