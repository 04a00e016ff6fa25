import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { afterStep, executePlan, planRunAll, summaryText, type StepOutcome } from '../../../../src/core/runbook/runAllPlan';
import type { RunbookBlock } from '../../../../src/core/runbook/types';

const RUNBOOK = parseRunbook([
  '# Recovery', // 1
  '',
  '## Check', // 3
  '',
  '```bash { name=pods }', // 5
  'kubectl get pods -n <namespace>',
  '```',
  '',
  '```bash { name=forward background=true }', // 9
  'kubectl port-forward svc/web 8080:80 -n <namespace>',
  '```',
  '',
  '### Deeper', // 13
  '',
  '```promql', // 15
  'up{namespace="<namespace>"}',
  '```',
  '',
  '```console', // 19
  '$ kubectl logs <pod-name> -n <namespace>',
  'log line',
  '```',
  '',
  '## Fix', // 24
  '',
  '```bash { name=restart excludeFromRunAll=true }', // 26
  'kubectl rollout restart deployment/web',
  '```',
  '',
  '```sh {"name":"verify","excludeFromRunAll":"false"}', // 30
  'curl -f http://<host>/health',
  '```',
].join('\n'));

const names = (bs: RunbookBlock[]) => bs.map((b) => b.name ?? `#${b.index}`);

test('Run All: document order, excluded, background and query blocks skipped, placeholders asked once', () => {
  const plan = planRunAll(RUNBOOK);
  assert.deepEqual(names(plan.steps), ['pods', '#4', 'verify']);
  assert.deepEqual(plan.skipped.map((s) => `${s.block.index}:${s.reason}`), ['2:background', '3:query', '5:excludeFromRunAll']);
  assert.deepEqual(plan.placeholders, ['namespace', 'pod-name', 'host']);
});

test('Run Section: a heading runs its blocks and its subsections, up to the next heading of its level', () => {
  assert.deepEqual(names(planRunAll(RUNBOOK, { headingLine: 3 }).steps), ['pods', '#4']);
  assert.deepEqual(names(planRunAll(RUNBOOK, { headingLine: 13 }).steps), ['#4']);
  assert.deepEqual(names(planRunAll(RUNBOOK, { headingLine: 24 }).steps), ['verify']);
  assert.deepEqual(planRunAll(RUNBOOK, { headingLine: 24 }).placeholders, ['host']);
  assert.deepEqual(planRunAll(RUNBOOK, { headingLine: 2 }).steps, []); // not a heading
});

test('afterStep: ok goes on, a cancel always stops, failures follow the policy', () => {
  assert.equal(afterStep('ok', 'stop'), 'continue');
  assert.equal(afterStep('cancelled', 'continue'), 'stop');
  for (const o of ['failed', 'timeout', 'stopped', 'declined'] as const) {
    assert.equal(afterStep(o, 'ask'), 'ask');
    assert.equal(afterStep(o, 'stop'), 'stop');
    assert.equal(afterStep(o, 'continue'), 'continue');
  }
});

async function drive(outcomes: StepOutcome[], policy: 'ask' | 'stop' | 'continue', answer: 'continue' | 'stop' = 'stop', cancelAfter = Infinity) {
  const plan = planRunAll(RUNBOOK);
  const ran: string[] = [];
  const asked: string[] = [];
  const summary = await executePlan(plan, policy, {
    runStep: async (b, pos, total) => {
      ran.push(`${b.name ?? b.index} ${pos}/${total}`);
      return outcomes[pos - 1];
    },
    ask: async (b, o) => {
      asked.push(`${b.name ?? b.index}:${o}`);
      return answer;
    },
    isCancelled: () => ran.length >= cancelAfter,
  });
  return { ran, asked, summary };
}

test('stops at the first failure: later blocks are not run and are reported', async () => {
  const { ran, asked, summary } = await drive(['ok', 'failed', 'ok'], 'ask', 'stop');
  assert.deepEqual(ran, ['pods 1/3', '4 2/3']);
  assert.deepEqual(asked, ['4:failed']);
  assert.equal(summary.stopped, true);
  assert.deepEqual(names(summary.notRun), ['verify']);
  assert.equal(summaryText(summary), '1 ok, 1 failed (Deeper, line 19), 1 not run');
});

test('continues after a failure when the user chooses to, or when the policy says so', async () => {
  const asked = await drive(['failed', 'timeout', 'ok'], 'ask', 'continue');
  assert.deepEqual(asked.ran.length, 3);
  assert.deepEqual(asked.asked, ['pods:failed', '4:timeout']);
  assert.equal(summaryText(asked.summary), '1 ok, 1 failed (pods, line 5), 1 timed out (Deeper, line 19)');
  const policy = await drive(['failed', 'declined', 'ok'], 'continue');
  assert.deepEqual([policy.ran.length, policy.asked.length, policy.summary.stopped], [3, 0, false]);
  const strict = await drive(['declined', 'ok', 'ok'], 'stop');
  assert.deepEqual([strict.ran.length, strict.asked.length, strict.summary.stopped], [1, 0, true]);
});

test('no question after the last block; a cancel stops without asking', async () => {
  const last = await drive(['ok', 'ok', 'failed'], 'ask');
  assert.deepEqual([last.asked, last.summary.stopped], [[], false]);
  const cancelled = await drive(['ok', 'stopped', 'ok'], 'ask', 'continue', 2);
  assert.deepEqual(cancelled.ran, ['pods 1/3', '4 2/3']);
  assert.deepEqual(cancelled.asked, []);
  assert.deepEqual(cancelled.summary.results.map((r) => r.outcome), ['ok', 'cancelled']);
  assert.equal(cancelled.summary.stopped, true);
});
