import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { sortByTime } from '../../../../src/core/incident/pins';
import type { TimelineEntry } from '../../../../src/core/incident/types';

// What sortByTime was defined as before entries already in order skipped the sort.
const plain = (entries: TimelineEntry[]): TimelineEntry[] => entries
  .map((e, i) => ({ e, i, t: Date.parse(e.time) }))
  .sort((a, b) => (a.t - b.t) || (a.i - b.i))
  .map((x) => x.e);

const time = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 20 }).map((s) => new Date(Date.UTC(2026, 10, 27, 10, 0, s)).toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom('not a time', '', '2026-11-27T10:00:05+01:00', '2026-11-27 10:00:03Z') },
);

test('sortByTime: time order, file order for equal times; the same as sorting, in order or not, with unreadable times', () => {
  const at = (id: string, t: string) => ({ id, time: t, kind: 'note' }) as TimelineEntry;
  const entries = [at('a', '2026-11-27T10:00:02Z'), at('b', '2026-11-27T10:00:01Z'), at('c', '2026-11-27T10:00:01.000Z')];
  assert.deepEqual(sortByTime(entries).map((e) => e.id), ['b', 'c', 'a']);
  const sorted = sortByTime(entries);
  assert.notEqual(sortByTime(sorted), sorted, 'a new array');
  fc.assert(fc.property(fc.array(time, { maxLength: 40 }), fc.boolean(), (times, ordered) => {
    const list = (ordered ? [...times].sort() : times).map((t, i) => at(String(i), t));
    assert.deepEqual(sortByTime(list).map((e) => e.id), plain(list).map((e) => e.id));
  }), { numRuns: 3000 });
});
