import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { startFakeCluster, writeFakeKubeconfig } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';
import { goToLine, lensForBlock, quickOpen, scenario, startIncidentWhenAsked } from './workbench';

test('scenario 6: live choices for <pod-name> show status, restarts and age, the CrashLoopBackOff pod first; the simulated target says what is simulated', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-e2e-live-'));
  const prod = await startFakeCluster(photonFixture('prod', { tokens: { 'demo-prod-token': { name: 'oncall@demo' } } }, { podStates: true }));
  const kubeconfig = writeFakeKubeconfig(path.join(tmp, 'kubeconfig'), [{ context: 'demo-prod', server: prod.url, namespace: 'photon-mlir', token: 'demo-prod-token', simulated: true }]);
  const crashing = prod.objects('pods').find((p) => JSON.stringify(p.status).includes('CrashLoopBackOff'))!.metadata.name;
  try {
    await scenario('6-live-choices', { trust: true, settings: { 'runbookLens.kubeconfig': [kubeconfig] } }, async ({ page, screenshot }) => {
      await quickOpen(page, 'incident-response.md');
      // "Service Won't Start": kubectl describe pod <pod-name> -n photon-mlir
      await goToLine(page, 283);
      await (await lensForBlock(page, 'describe pod', /^▶ Run/)).click();
      await startIncidentWhenAsked(page, 'e2e scenario 6', { stopAt: /<pod-name>/ });

      const box = page.locator('.quick-input-widget');
      await box.locator('.quick-input-title', { hasText: '<pod-name>' }).waitFor();
      const rows = box.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'CrashLoopBackOff' }).first().waitFor();
      const first = await rows.first().innerText();
      assert.match(first, new RegExp(`${crashing}[\\s\\S]*CrashLoopBackOff · 0/1 ready · 7 restarts · age \\d+d`));
      await rows.filter({ hasText: 'ImagePullBackOff' }).first().waitFor();
      await screenshot('6-live-choices-pods');
      // The block also patches the deployment (consent on prod): cancel here, nothing runs.
      await page.keyboard.press('Escape');
      await box.waitFor({ state: 'hidden' });

      // The status bar names the simulated target; its tooltip says what is simulated and what is not.
      const item = page.locator('.statusbar-item', { hasText: 'demo-prod · photon-mlir (simulated)' });
      await item.hover();
      const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Simulated cluster' }).first();
      await hover.waitFor();
      assert.match(await hover.innerText(), /Not simulated:[\s\S]*curl[\s\S]*runs? on this machine for real/);
      await screenshot('6-live-choices-status-tooltip');
    });
  } finally {
    await prod.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
