import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { scavengeAfter } from '../../../src/cli/scavenge';

/** Minor GCs that were asked for (V8 marks them forced), not those the test process made anyway. */
async function minorGcsDuring(work: () => void): Promise<number> {
  let minor = 0;
  const seen = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const d = (e as PerformanceEntry & { detail?: { kind?: number; flags?: number } }).detail;
      if (d?.kind === constants.NODE_PERFORMANCE_GC_MINOR && ((d.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0) minor++;
    }
  });
  seen.observe({ entryTypes: ['gc'] });
  work();
  // The observer reports on a later tick.
  await new Promise((r) => setTimeout(r, 50));
  seen.disconnect();
  return minor;
}

test('scavengeAfter asks V8 for a minor GC each time that many more bytes have been relayed, and not before', async () => {
  const relayed = scavengeAfter(1000);
  assert.equal(await minorGcsDuring(() => { relayed(400); relayed(500); }), 0, '900 bytes: none yet');
  assert.ok(await minorGcsDuring(() => relayed(100)) >= 1, 'at 1,000 bytes: one');
  const n = await minorGcsDuring(() => { for (let i = 0; i < 5; i++) relayed(1000); });
  assert.ok(n >= 5, `five more thousands: five more (saw ${n})`);
});
