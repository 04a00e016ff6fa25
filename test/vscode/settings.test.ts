import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readTimeline, runBlock, startIncident, withSettings, withWarningMessages, workspaceRoot, workspaceUri } from './support';

describe('settings', () => {
  it('runbookLens.incidentsDir decides where incidents are created', async () => {
    const dir = await withSettings({ incidentsDir: 'custom-incidents' }, () => startIncident('extension-host suite: incidentsDir'));
    assert.equal(path.dirname(dir), path.join(workspaceRoot(), 'custom-incidents'));
  });

  it('runbookLens.defaultTimeoutSeconds ends a block that runs too long (status timeout)', async () => {
    const incident = await startIncident('extension-host suite: timeout');
    const started = Date.now();
    const entry = await withSettings({ defaultTimeoutSeconds: 1 }, () => runBlock(workspaceUri('fixtures/runs.md'), 5));
    assert.ok(entry);
    // By design exitCode is null when the run was killed; the setting's description speaks of 124
    // (what the CLI exits with). Either way it is not a normal exit.
    assert.ok(entry.exitCode === null || entry.exitCode === 124, `exitCode ${entry.exitCode}`);
    assert.doesNotMatch(entry.output ?? '', /slept/);
    assert.equal(entry.status, 'timeout');
    assert.ok(Date.now() - started < 4_500, 'ended after about a second, not after the 5 s sleep');
    assert.equal(readTimeline(incident).find((e) => e.id === entry.id)?.status, 'timeout');
  });

  it('runbookLens.shell picks the shell that runs blocks', async () => {
    await startIncident('extension-host suite: shell');
    const uri = workspaceUri('fixtures/runs.md');
    const withBash = await runBlock(uri, 1);
    assert.match(withBash?.output ?? '', /shell=bash/);
    const withSh = await withSettings({ shell: 'sh' }, () => runBlock(uri, 1));
    assert.match(withSh?.output ?? '', /shell=other/);
  });

  it('a bad value gives one warning naming the setting, and its default is used', async () => {
    await startIncident('extension-host suite: bad setting');
    const uri = workspaceUri('fixtures/runs.md');
    await withWarningMessages(async (warnings) => {
      const entry = await withSettings({ shell: 42, 'safety.protectedContexts': 'prod' }, async () => {
        const first = await runBlock(uri, 1);
        await runBlock(uri, 1);
        return first;
      });
      assert.match(entry?.output ?? '', /shell=bash/, 'the default shell ran the block');
      assert.equal(entry?.status, 'ok');
      const shell = warnings.filter((w) => w.includes('runbookLens.shell'));
      assert.deepEqual(shell, ['Runbook Lens: runbookLens.shell: 42 is not allowed (a shell program such as bash or sh); using "bash" instead.'], 'shown once, not on every read');
      assert.ok(warnings.some((w) => w.includes('runbookLens.safety.protectedContexts: "prod" is not allowed') && w.includes('using ["*prod*"] instead')), warnings.join('\n'));
    });
  });
});
