import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseRunbook } from '../../../../src/core/runbook/parse';

// The copy in examples/ is the one CI relies on; the shared original is the fallback.
const inRepo = path.resolve(__dirname, '../../../../examples/incident-response.md');
const shared = path.resolve(__dirname, '../../../../../shared/runbooks/incident-response.md');
const text = readFileSync(existsSync(inRepo) ? inRepo : shared, 'utf8');
const rb = parseRunbook(text);

test('reference runbook: exactly 17 runnable blocks, at their opening fence lines', () => {
  assert.deepEqual(
    rb.blocks.map((b) => b.line),
    [29, 41, 48, 58, 85, 97, 109, 170, 194, 206, 221, 281, 296, 311, 333, 344, 358],
  );
  assert.deepEqual(rb.blocks.map((b) => b.index), Array.from({ length: 17 }, (_, i) => i + 1));
  assert.ok(rb.blocks.every((b) => b.kind === 'shell' && b.lang === 'bash'));
});

test('reference runbook: closing fence lines and body ranges', () => {
  assert.deepEqual(
    rb.blocks.map((b) => b.endLine),
    [32, 45, 53, 69, 94, 106, 115, 179, 203, 215, 276, 293, 308, 326, 336, 353, 367],
  );
  for (const b of rb.blocks) {
    assert.equal(b.bodyStartLine, b.line + 1);
    assert.equal(b.bodyEndLine, b.endLine - 1);
  }
});

test('reference runbook: communication templates and the markdown block are fences but not runnable', () => {
  const other = rb.fences.filter((f) => !rb.blocks.some((b) => b.line === f.line));
  assert.deepEqual(other.map((f) => [f.line, f.lang]), [[120, ''], [136, ''], [151, ''], [388, 'markdown']]);
  assert.equal(rb.lineCount, 460);
});

test('reference runbook: heading paths, outermost first', () => {
  const byLine = new Map(rb.blocks.map((b) => [b.line, b.section]));
  assert.deepEqual(byLine.get(29), ['Incident Response Runbook', 'P0 Critical Incident Response', 'Initial Response (0-15 minutes)']);
  assert.deepEqual(byLine.get(85), ['Incident Response Runbook', 'P0 Critical Incident Response', 'Mitigation Actions', 'Service Recovery']);
  assert.deepEqual(byLine.get(221), ['Incident Response Runbook', 'Recovery Procedures', 'Automated Recovery']);
  assert.deepEqual(byLine.get(281), ['Incident Response Runbook', 'Recovery Procedures', 'Manual Recovery Steps', "Service Won't Start"]);
  assert.deepEqual(byLine.get(358), ['Incident Response Runbook', 'Post-Incident Procedures', 'Post-Mortem Process', 'Timeline Creation']);
});

test('reference runbook: placeholders, and where they are', () => {
  const withPlaceholders = rb.blocks.filter((b) => b.placeholders.length > 0).map((b) => [b.line, b.placeholders]);
  assert.deepEqual(withPlaceholders, [
    [29, ['incident-key']],
    [206, ['id']],
    [281, ['pod-name']],
    [311, ['id']],
    [333, ['id']],
  ]);
  const first = rb.blocks[0].placeholderRefs;
  assert.deepEqual(first, [{ name: 'incident-key', line: 31, column: 25 }]);
  assert.equal(text.split('\n')[30].slice(25, 39), '<incident-key>');
  // Four occurrences of <id> in the hardware recovery block, each pointing at its `<` in the file.
  const hw = rb.blocks.find((b) => b.line === 311)!;
  assert.deepEqual(hw.placeholderRefs.map((r) => r.line), [316, 319, 322, 325]);
  for (const r of hw.placeholderRefs) assert.equal(text.split('\n')[r.line - 1].slice(r.column, r.column + 4), '<id>');
});

test('reference runbook: the code of a list-nested block has the list indentation removed', () => {
  assert.equal(rb.blocks[0].code, '# Acknowledge PagerDuty alert\npd ack --incident-key <incident-key>');
  // Blank lines inside the indented block keep their (trailing-space) content minus the indent.
  assert.equal(rb.blocks[3].code.split('\n')[0], '# Check recent deployments');
  assert.ok(rb.blocks[10].code.startsWith('#!/bin/bash\n# auto-recovery.sh'));
  assert.ok(rb.blocks[10].code.endsWith('echo "Recovery complete. Healthy pods: $(check_health)"'));
  // The comparison `-lt` and `$(...)` in the recovery script invent no placeholders.
  assert.deepEqual(rb.blocks[10].placeholders, []);
});
