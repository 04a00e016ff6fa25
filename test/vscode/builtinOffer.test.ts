import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../src/core/incident/types';
import { EXTENSION_ID, runBlock, startIncident, waitFor, workspaceRoot } from './support';

describe('a missing tool the extension replaces', () => {
  const file = (): string => path.join(workspaceRoot(), 'replaced-tools.md');
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    await startIncident('replaced tools suite');
    fs.writeFileSync(file(), '# Page\n\n## Acknowledge\n\n```bash\npd incident ack --ids PXYZ123\n```\n\n## Tell people\n\n```bash\nslack chat send "#incidents" "investigating"\n```\n');
  });
  after(() => fs.rmSync(file(), { force: true }));

  for (const [index, tool, buttons] of [[1, 'pd', ['PagerDuty: Acknowledge']], [2, 'slack', ['Compose Incident Message']]] as const) {
    it(`\`${tool}\` failing with exit 127 offers ${buttons.join(', ')}`, async () => {
      const win = vscode.window as unknown as Record<string, unknown>;
      const saved = win.showWarningMessage;
      const offers: { text: string; buttons: string[] }[] = [];
      win.showWarningMessage = async (text: string, ...items: string[]) => {
        offers.push({ text, buttons: items });
        return undefined;
      };
      try {
        const entry = await runBlock(vscode.Uri.file(file()), index) as TimelineEntry;
        assert.equal(entry.exitCode, 127);
        const offer = await waitFor('the offer', () => offers.find((o) => /not installed here \(exit 127\)/.test(o.text)));
        assert.equal(offer.text, `Runbook Lens: \`${tool}\` is not installed here (exit 127). Runbook Lens has this built in.`);
        assert.deepEqual(offer.buttons, buttons);
      } finally {
        win.showWarningMessage = saved;
      }
    });
  }
});
