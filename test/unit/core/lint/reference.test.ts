import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintRunbook } from '../../../../src/core/lint/lintRunbook';

test('reference runbook: only its destructive blocks without confirm=true are reported', async () => {
  const text = readFileSync(path.resolve(__dirname, '../../../../examples/incident-response.md'), 'utf8');
  const ds = await lintRunbook(text);
  const lines = text.split('\n');
  assert.deepEqual(ds.map((d) => `${d.line} ${d.code}`), [
    '87 RL002', // Service Recovery: rollout restart, scale, rollout undo
    '105 RL002', // Hardware Issues: kubectl patch service
    '111 RL002', // Database Recovery: kubectl patch configmap, rollout restart
    '202 RL002', // High Error Rate: kubectl patch configmap
    '236 RL002', // auto-recovery.sh: xargs kubectl delete, kubectl scale
    '289 RL002', // Service Won't Start: kubectl patch deployment
    '304 RL002', // Database Connection Issues: kubectl exec -it … (inner command not known read-only)
  ]);
  // Each points at the destructive command itself, not at the fence.
  for (const d of ds) assert.match(lines[d.line - 1].slice(d.column, d.endColumn), /kubectl /);
  // The message templates (unlabeled blocks with mojibake emoji) are not flagged as shell or hidden Unicode.
  assert.ok(!ds.some((d) => d.code === 'RL001' || d.code === 'RL003'));
});
