import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileMatching, goToLine, incidentDir, lensForBlock, quickOpen, scenario, startIncidentWhenAsked, waitForLens } from './workbench';
import { startPrometheus } from '../harness/monitoringServers';

test('scenario 9: ▶ Query a range block against a real Prometheus, answer the placeholder, see the table and the chart', async () => {
  const prom = await startPrometheus();
  try {
    // Set before the window opens: a settings file written after it is read when VS Code's file
    // watcher gets to it, which on a loaded machine was after the click (a CI run said "no
    // Prometheus URL is set").
    await scenario('9-promql-query', { trust: true, settings: { 'runbookLens.prometheus.defaultUrl': prom.url } }, async ({ page, workspace, screenshot }) => {
      await quickOpen(page, 'prometheus-checks.md');
      await goToLine(page, 20);
      await (await lensForBlock(page, 'up{job=', /^▶ Query \(range 15m, step 15s\)$/)).click();
      await startIncidentWhenAsked(page, 'e2e scenario 9');

      // The placeholder is asked exactly as for shell blocks.
      const box = page.locator('.quick-input-widget');
      await box.locator('.quick-input-title', { hasText: '<job>' }).waitFor();
      await box.locator('input[type="text"]').fill('prometheus');
      await page.keyboard.press('Enter');

      // The result opens beside the runbook: summary, chart and table.
      await page.locator('.tabs-container .tab', { hasText: 'Query: prometheus-checks.md · Scrape health of one job, line 20' }).first().click();
      const frame = page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');
      await frame.locator('.summary', { hasText: /^1 series \(range\); top latest values: up\{instance="127\.0\.0\.1:\d+", job="prometheus"\} = 1$/ }).waitFor();
      const canvas = frame.locator('.chart-box canvas');
      await canvas.waitFor();
      const size = await canvas.boundingBox();
      assert.ok(size && size.width > 100 && size.height > 100, `the chart has a size: ${JSON.stringify(size)}`);
      const row = frame.locator('table tbody tr');
      assert.equal(await row.count(), 1);
      assert.match(await row.first().innerText(), /up\{instance="127\.0\.0\.1:\d+", job="prometheus"\}\s+1\s+1\s+1\s+\d+/);
      await screenshot('9-promql-result');

      // The full result recorded in the incident opens from the webview.
      await frame.locator('a', { hasText: /^recorded: outputs\/.*\.log$/ }).click();
      await page.locator('.tabs-container .tab', { hasText: /\.log$/ }).first().waitFor();

      await page.locator('.tabs-container .tab', { hasText: 'prometheus-checks.md' }).first().click();
      await goToLine(page, 20);
      const lens = await waitForLens(page, 'up{job=', /^✓ 1 series · /);
      assert.match(lens, /^✓ 1 series · \d+\.\d\d s$/);
      const incident = await incidentDir(workspace);
      const line = (await fileMatching(path.join(incident, 'timeline.jsonl'), /"kind":"query"/)).split('\n').find((l) => l.includes('"kind":"query"'))!;
      const entry = JSON.parse(line) as Record<string, unknown>;
      assert.equal(entry.command, 'up{job="prometheus"}');
      assert.equal(entry.queryMode, 'range');
      assert.equal(entry.runbook, 'prometheus-checks.md');
    });
  } finally {
    await prom.stop();
  }
});
