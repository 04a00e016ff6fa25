import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBlock, startIncident, withInputBox, workspaceUri } from './support';

describe('placeholders', () => {
  let incidentDir = '';
  before(async () => {
    incidentDir = await startIncident('extension-host suite: placeholders');
  });

  it('a secret placeholder is asked in a masked box, recorded masked and never offered again', async () => {
    const uri = workspaceUri('fixtures/secret-placeholder.md');
    const token = 'Xk29fJq8-not-a-real-token-LmN3';
    const answers: Record<string, string> = { region: 'eu-west-1', 'api-token': token };
    const answer = (o: { title?: string; value?: string }) => o.value || answers[/<([^>]+)>/.exec(o.title ?? '')?.[1] ?? ''];
    const entry = await withInputBox(answer, async (calls) => {
      const e = await runBlock(uri, 1);
      assert.deepEqual(calls.map((c) => [/<([^>]+)>/.exec(c.title ?? '')?.[1], !!c.password]), [['region', false], ['api-token', true]]);
      return e;
    });
    assert.equal(entry?.command, 'echo "calling eu-west-1 with [REDACTED:placeholder]"');
    assert.match(entry?.output ?? '', /calling eu-west-1 with \[REDACTED:placeholder\]/);
    for (const f of ['timeline.jsonl', 'timeline.md', 'incident.json', entry?.outputFile ?? '']) {
      assert.ok(!fs.readFileSync(path.join(incidentDir, f), 'utf8').includes(token), f);
    }
    await withInputBox(answer, async (calls) => {
      await runBlock(uri, 1);
      assert.deepEqual(calls.map((c) => c.value ?? ''), ['eu-west-1', ''], 'the region is remembered, the token is not');
    });
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
