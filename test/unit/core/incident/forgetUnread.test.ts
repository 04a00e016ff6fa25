import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { forgetUnread, renderPostmortem } from '../../../../src/core/incident/postmortem';
import type { TimelineEntry } from '../../../../src/core/incident/types';
import { VARIED_INCIDENT, variedTimeline } from '../../../support/variedTimeline';

const dir = '/incidents/x';
const copy = (entries: TimelineEntry[]): TimelineEntry[] => entries.map((e) => JSON.parse(JSON.stringify(e)) as TimelineEntry);
const render = (entries: TimelineEntry[]): string => renderPostmortem({ incident: VARIED_INCIDENT, entries, incidentDir: dir });

test('forgetUnread changes no draft: varied timelines (pins, unpins, outputs, targets) render the same', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 1_000_000 }), (n, seed) => {
    const { entries } = variedTimeline(n, dir, seed);
    const slim = copy(entries);
    forgetUnread(slim);
    return render(slim) === render(copy(entries));
  }), { numRuns: 60 });
});

test('forgetUnread lets go of the output of entries that are not pinned, and keeps the pinned ones', () => {
  const e = (id: string, more: Partial<TimelineEntry> = {}): TimelineEntry =>
    ({ id, time: '2026-11-27T10:00:00.000Z', kind: 'command', output: `out ${id}`, target: { context: 'c', namespace: 'n' }, ...more }) as TimelineEntry;
  const entries = [e('a', { pinned: true }), e('b'), e('c'), { id: 'p', time: '2026-11-27T10:00:01.000Z', kind: 'note', pinOf: 'c' } as TimelineEntry];
  forgetUnread(entries);
  assert.deepEqual(entries.map((x) => x.output), ['out a', undefined, 'out c', undefined]);
  assert.ok(entries.every((x) => x.target === undefined));
});
