import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { buildOutline, hasBlocks, type OutlineSection } from '../../../../src/core/runbook/outline';
import { lastBlockResults } from '../../../../src/core/incident/blockResults';
import type { TimelineEntry } from '../../../../src/core/incident/types';

test('outline nests headings by level and puts each block under the last heading above it', () => {
  const rb = parseRunbook(['```bash', 'echo first', '```', '# A', '## B', '```sh', 'ls', '```', '#### D (skipped level)', '```sh', 'pwd', '```', '## C', '# E', '```sh', 'id', '```'].join('\n'));
  const o = buildOutline(rb);
  assert.deepEqual(o.blocks.map((b) => b.index), [1]);
  const show = (s: OutlineSection): unknown => [s.heading.text, s.blocks.map((b) => b.index), s.children.map(show)];
  assert.deepEqual(o.sections.map(show), [
    ['A', [], [['B', [2], [['D (skipped level)', [3], []]]], ['C', [], []]]],
    ['E', [4], []],
  ]);
  assert.deepEqual(o.sections[0].children.map(hasBlocks), [true, false]);
});

test('the reference runbook: every runnable block appears exactly once in the outline', () => {
  const rb = parseRunbook(readFileSync(path.resolve(__dirname, '../../../../examples/incident-response.md'), 'utf8'));
  const seen: number[] = [];
  const walk = (s: OutlineSection) => { seen.push(...s.blocks.map((b) => b.index)); s.children.forEach(walk); };
  const o = buildOutline(rb);
  seen.push(...o.blocks.map((b) => b.index));
  o.sections.forEach(walk);
  assert.deepEqual(seen, rb.blocks.map((b) => b.index));
});

test('last results come from this runbook\'s command entries, the latest winning', () => {
  const e = (id: string, over: Partial<TimelineEntry>): TimelineEntry => ({ id, time: '2026-01-01T00:00:00Z', kind: 'command', runbook: 'runbooks/ir.md', ...over } as TimelineEntry);
  const results = lastBlockResults([
    e('1', { block: 1, status: 'failed', exitCode: 1 } as Partial<TimelineEntry>),
    e('2', { block: 1, status: 'ok', exitCode: 0 } as Partial<TimelineEntry>),
    e('3', { block: 2, exitCode: null }),
    e('4', { block: 3, exitCode: 2 }),
    e('5', { block: 4, status: 'timeout', exitCode: 124 } as Partial<TimelineEntry>),
    e('6', { block: 5, runbook: 'other.md', exitCode: 0 }),
    e('7', { kind: 'note', block: 5, exitCode: 0 } as unknown as Partial<TimelineEntry>),
    e('8', { block: 6, runbook: './runbooks/ir.md', exitCode: 0 }),
  ], 'runbooks/ir.md');
  assert.deepEqual([...results].sort(), [[1, 'ok'], [2, 'stopped'], [3, 'failed'], [4, 'timeout'], [6, 'ok']]);
});
