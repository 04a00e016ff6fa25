import * as assert from 'node:assert/strict';
import { runBlock, startIncident, withInputBox, workspaceUri } from './support';

describe('placeholders', () => {
  before(async () => {
    await startIncident('extension-host suite: placeholders');
  });

  it('asks for <service>, fills it in, and offers the same value on the next run', async () => {
    const uri = workspaceUri('fixtures/runs.md');
    const first = await withInputBox(() => 'checkout', async (calls) => {
      const entry = await runBlock(uri, 4);
      assert.equal(calls.length, 1, 'asked once');
      assert.match(calls[0].title ?? '', /service/);
      assert.equal(calls[0].value ?? '', '', 'nothing remembered yet');
      return entry;
    });
    assert.equal(first?.command, 'echo "checking service checkout"');
    assert.match(first?.output ?? '', /checking service checkout/);

    // The user accepts what is offered: the remembered value.
    const second = await withInputBox((o) => o.value, async (calls) => {
      const entry = await runBlock(uri, 4);
      assert.equal(calls.length, 1);
      assert.equal(calls[0].value, 'checkout', 'the first value is offered');
      return entry;
    });
    assert.equal(second?.command, 'echo "checking service checkout"');
  });

  it('takes values given up front without asking', async () => {
    const entry = await withInputBox(() => assert.fail('should not ask'), () => runBlock(workspaceUri('fixtures/runs.md'), 4, { service: 'payments' }));
    assert.equal(entry?.command, 'echo "checking service payments"');
  });

  it('runs nothing when the input box is cancelled', async () => {
    const entry = await withInputBox(() => undefined, () => runBlock(workspaceUri('fixtures/runs.md'), 4));
    assert.equal(entry, undefined);
  });
});
