import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyScope, kubeScope, prepareRun, type PreparedRun, type ScopeStep } from '../../../../src/core/run';
import { ScriptedDriver } from '../../../support/scriptedDriver';
import { A, blocksOf, fence, incident, request, tmpDir } from './helpers';

async function prepared(t: Parameters<typeof tmpDir>[0], target: typeof A | null): Promise<PreparedRun> {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'kubectl get pods'));
  const p = await prepareRun(request(runbookPath, blocks[0], { incidentDir: await incident(dir), target: { requested: target }, env: { PATH: '/usr/bin', KEEP: 'me' } }), new ScriptedDriver());
  assert.ok(p.ok);
  return p.run;
}

/** A step that adds one variable and notes when it is undone. */
function step(name: string, log: string[], fail = false): ScopeStep {
  return {
    name,
    apply: async () => {
      if (fail) throw new Error(`${name} failed`);
      log.push(`+${name}`);
      return { env: { [name.toUpperCase()]: name }, dispose: async () => { log.push(`-${name}`); } };
    },
  };
}

test('no steps: the run gets its base environment', async (t) => {
  const scope = await applyScope(await prepared(t, null), []);
  assert.deepEqual(scope.env, { PATH: '/usr/bin', KEEP: 'me' });
  await scope.dispose();
});

test('steps add their variables in order and are undone last first', async (t) => {
  const log: string[] = [];
  const scope = await applyScope(await prepared(t, A), [step('one', log), step('two', log)]);
  assert.deepEqual(scope.env, { PATH: '/usr/bin', KEEP: 'me', ONE: 'one', TWO: 'two' });
  await scope.dispose();
  await scope.dispose();
  assert.deepEqual(log, ['+one', '+two', '-two', '-one'], 'each undone once');
});

test('a failing step undoes the steps before it and nothing runs half-scoped', async (t) => {
  const log: string[] = [];
  await assert.rejects(applyScope(await prepared(t, A), [step('one', log), step('two', log, true)]), /two failed/);
  assert.deepEqual(log, ['+one', '-one']);
});

test('the kubeconfig step scopes a run with a target and leaves one without alone', async (t) => {
  const asked: string[] = [];
  const kube = kubeScope(async (target) => {
    asked.push(target.context);
    return { env: { KUBECONFIG: `/tmp/${target.context}` }, dispose: async () => undefined };
  });
  const none = await applyScope(await prepared(t, null), [kube]);
  assert.equal(none.env.KUBECONFIG, undefined);
  const some = await applyScope(await prepared(t, A), [kube]);
  assert.equal(some.env.KUBECONFIG, '/tmp/staging-a');
  assert.deepEqual(asked, ['staging-a']);
});
