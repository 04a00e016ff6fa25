import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { bashParser, parseWith } from '../../../../src/core/guard/shellParser';

test('the same code parsed again gives its own tree: deleting one copy leaves the others whole', async () => {
  const parser = await bashParser();
  const code = 'kubectl delete pod web-1 -n "$NS" | tee out.txt';
  const first = parseWith(parser, code);
  const second = parseWith(parser, code);
  assert.notEqual(first, second);
  first.delete();
  assert.equal(second.rootNode.text, code);
  assert.deepEqual(second.rootNode.descendantsOfType('command').map((c) => c?.childForFieldName('name')?.text), ['kubectl', 'tee']);
  // Other code in between (more than the few trees kept) still parses as itself.
  for (let i = 0; i < 6; i++) {
    const other = parseWith(parser, `echo ${i}`);
    assert.equal(other.rootNode.text, `echo ${i}`);
    other.delete();
  }
  const third = parseWith(parser, code);
  assert.equal(third.rootNode.text, code);
  second.delete();
  third.delete();
});
