// A shared timeline file is in arrival order, which differs between replicas: a teammate's
// older run can arrive after my newer one. Readers see (time, id) order, so every replica shows
// the same timeline and the same "last result" of a block.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendEntry, readTimeline } from '../../../../src/core/incident/timeline';
import { lastBlockResults } from '../../../../src/core/incident/blockResults';
import type { TimelineEntry } from '../../../../src/core/incident/types';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-order-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (id: string, time: string, actor: string, exitCode: number): TimelineEntry =>
  ({ id, time, kind: 'command', actor, runbook: 'runbooks/ir.md', block: 3, command: 'kubectl rollout restart deploy/api', exitCode, status: exitCode ? 'failed' : 'ok' });

test('two replicas that received the same entries in different orders read the same timeline', async () => {
  const mine = run('20261202T101000000Z-00-aaaaaaaa', '2026-12-02T10:10:00.000Z', 'ann', 0);
  const theirs = run('20261202T100500000Z-00-bbbbbbbb', '2026-12-02T10:05:00.000Z', 'bob', 1);
  const same = run('20261202T101000000Z-00-00000000', '2026-12-02T10:10:00.000Z', 'cy', 0);
  const a = path.join(tmp, 'a');
  const b = path.join(tmp, 'b');
  for (const e of [mine, theirs, same]) await appendEntry(a, { ...e });
  for (const e of [same, theirs, mine]) await appendEntry(b, { ...e });
  const ra = (await readTimeline(a)).entries.map((e) => e.id);
  const rb = (await readTimeline(b)).entries.map((e) => e.id);
  assert.deepEqual(ra, [theirs.id, same.id, mine.id]);
  assert.deepEqual(rb, ra);
  // The block's last result is my later run, not the teammate's older one that arrived last.
  const results = lastBlockResults((await readTimeline(a)).entries, 'runbooks/ir.md');
  assert.equal(results.get(3), 'ok');
  const onB = path.join(tmp, 'b2');
  for (const e of [mine, theirs]) await appendEntry(onB, { ...e });
  assert.equal(lastBlockResults((await readTimeline(onB)).entries, 'runbooks/ir.md').get(3), 'ok');
});
