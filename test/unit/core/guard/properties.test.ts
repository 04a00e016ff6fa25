import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { assessCode } from '../../../../src/core/guard/classify';
import { decideConfirmation } from '../../../../src/core/guard/confirmation';

const pieces = ['kubectl', 'delete', 'get', 'pod', 'sudo', 'xargs', '-n', '--', '|', '&&', '||', ';', '(', ')', '$(', '`', '"', "'", '\n', '<<EOF\n', 'EOF', 'f()', '{', '}', '$1', '"$@"', 'bash -c', 'eval', '\\', '#', 'rm -rf', 'watch', ' '];

test('property: the classifier never throws and positions stay inside the code', async () => {
  await fc.assert(fc.asyncProperty(
    fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(' '))),
    async (code) => {
      const a = await assessCode(code);
      const lines = code.split('\n').length;
      for (const f of [...a.destructive, ...a.denied, ...a.uncertain]) {
        assert.ok(f.line >= 1 && f.line <= lines, `line ${f.line} of ${lines}`);
        assert.ok(f.column >= 0);
      }
      const d = decideConfirmation(a);
      if (a.destructive.length || a.uncertain.length || a.parseError) assert.notEqual(d.action, 'run');
    },
  ), { numRuns: 300 });
});

test('property: appending a destructive command to any parseable block makes it need confirmation', async () => {
  await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom('ls', 'kubectl get pods', 'echo hi', 'true'), { maxLength: 5 }), async (cmds) => {
    const a = await assessCode([...cmds, 'kubectl delete pod x'].join('\n'));
    assert.notEqual(decideConfirmation(a).action, 'run');
  }), { numRuns: 50 });
});
