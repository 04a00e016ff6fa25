import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { assessCode } from '../../../../src/core/guard/classify';
import { buildRules } from '../../../../src/core/guard/rules';
import { decideConfirmation } from '../../../../src/core/guard/confirmation';

const inRepo = path.resolve(__dirname, '../../../../examples/incident-response.md');
const shared = path.resolve(__dirname, '../../../../../shared/runbooks/incident-response.md');
const rb = parseRunbook(readFileSync(existsSync(inRepo) ? inRepo : shared, 'utf8'));

async function assessAll(rules = buildRules()) {
  return Promise.all(rb.blocks.map((b) => assessCode(b.code, rules, { placeholders: b.placeholders })));
}

test('reference runbook: exactly blocks 5, 6, 7, 9, 11, 12, 13 are destructive', async () => {
  const all = await assessAll();
  const destructive = rb.blocks.filter((_, i) => all[i].destructive.length > 0).map((b) => b.index);
  assert.deepEqual(destructive, [5, 6, 7, 9, 11, 12, 13]);
  for (const a of all) {
    assert.equal(a.parseError, undefined);
    assert.deepEqual(a.uncertain, []);
    assert.deepEqual(a.denied, []);
    assert.deepEqual(a.hiddenUnicode, []);
  }
});

test('reference runbook: the exact destructive commands and rules per block', async () => {
  const all = await assessAll();
  const byBlock = (n: number) => all[n - 1].destructive.map((d) => [d.rule, d.line]);
  assert.deepEqual(byBlock(5), [['kubectl-rollout-restart', 2], ['kubectl-scale', 5], ['kubectl-rollout-undo', 8]]);
  assert.deepEqual(byBlock(6), [['kubectl-patch', 8]]);
  assert.deepEqual(byBlock(7), [['kubectl-patch', 2], ['kubectl-rollout-restart', 5]]);
  assert.deepEqual(byBlock(9), [['kubectl-patch', 8]]);
  assert.deepEqual(byBlock(12), [['kubectl-patch', 8], ['kubectl-patch', 11]]);
  // `nc` inside the container only reads; `photon-admin reset-db-pool` does not.
  assert.deepEqual(byBlock(13), [['kubectl-exec', 8], ['kubectl-rollout-restart', 11]]);
  assert.match(all[12].destructive[0].command, /photon-admin reset-db-pool/);
});

test('reference runbook: the recovery script is destructive through its functions', async () => {
  const block = rb.blocks.find((b) => b.line === 221);
  assert.ok(block);
  const a = await assessCode(block.code);
  const del = a.destructive.find((d) => d.rule === 'kubectl-delete');
  const scale = a.destructive.find((d) => d.rule === 'kubectl-scale');
  assert.ok(del && scale);
  assert.deepEqual(del.via, ['restart_unhealthy', 'xargs']);
  assert.deepEqual(scale.via, ['scale_service']);
  assert.equal(block.bodyStartLine + del.line - 1, 236);
  assert.equal(block.bodyStartLine + scale.line - 1, 242);
});

test('reference runbook: extraDestructive adds photon-admin reset-device (block 14) as data', async () => {
  const all = await assessAll(buildRules({ extraDestructive: ['photon-admin reset-device', 'kubectl cp'] }));
  const destructive = rb.blocks.filter((_, i) => all[i].destructive.length > 0).map((b) => b.index);
  assert.deepEqual(destructive, [5, 6, 7, 9, 11, 12, 13, 14]);
  assert.deepEqual(all[13].destructive.map((d) => d.line), [5, 8]);
});

test('reference runbook: decisions on a protected and an ordinary context', async () => {
  const all = await assessAll();
  const prod = { context: 'prod-eu', cluster: 'eu-1', namespace: 'photon-mlir' };
  const dev = { context: 'kind-dev', cluster: 'kind-dev', namespace: 'photon-mlir' };
  assert.deepEqual(all.map((a) => decideConfirmation(a, { target: prod }).action).filter((x) => x !== 'run').length, 7);
  assert.equal(decideConfirmation(all[4], { target: prod }).action, 'type-context');
  assert.equal(decideConfirmation(all[4], { target: dev }).action, 'confirm');
  assert.equal(decideConfirmation(all[0], { target: prod }).action, 'run');
  assert.equal(decideConfirmation(all[0], { target: dev, attributes: { confirm: 'true' } }).action, 'confirm');
});
