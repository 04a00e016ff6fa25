import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { firstCommand, runName } from '../../../../src/core/runbook/runName';
import { describeEntry, runTitle } from '../../../../src/core/incident/entryText';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import type { TimelineEntry } from '../../../../src/core/incident/types';

const run = (fields: Partial<TimelineEntry>): TimelineEntry => ({ id: 'x', time: '2026-10-03T14:00:00.000Z', kind: 'command', exitCode: 0, status: 'ok', ...fields } as TimelineEntry);

test('a block is named by its name attribute, else its section heading, else its first command', () => {
  const rb = parseRunbook([
    '# Runbook', '', '## Check the pods', '',
    '```bash { name=list-pods }', '#!/bin/bash', 'kubectl get pods', '```', '',
    '```bash', '#!/usr/bin/env bash', '# why: the restarts tell', 'kubectl get pods -o wide', '```', '',
  ].join('\n'));
  assert.deepEqual(rb.blocks.map((b) => runName({ name: b.name, section: b.section, code: b.code })?.text), ['list-pods', 'Check the pods']);
  assert.deepEqual(runName({ code: '#!/bin/bash\n\n  # a comment\n   kubectl get ns\n' }), { text: 'kubectl get ns', isCode: true });
  assert.equal(runName({ code: '#!/bin/bash\n# only comments\n' }), undefined);
  assert.equal(firstCommand('\n\n#x\n  echo  hi  \nexit 1'), 'echo  hi');
});

test('entries name the recorded title; older entries without one get the same rule on read, never a shebang or comment', () => {
  assert.equal(describeEntry(run({ title: 'list-pods', command: '#!/bin/bash\nkubectl get pods' })), 'Ran “list-pods” (exit 0)');
  assert.equal(describeEntry(run({ section: ['Runbook', 'Restart'], command: '#!/bin/bash\nkubectl rollout restart deploy/x', exitCode: 1, status: 'failed' })), 'Ran “Restart” (exit 1)');
  assert.equal(describeEntry(run({ command: '#!/bin/bash\n# restart it\nkubectl rollout restart deploy/x\necho done' })), 'Ran `kubectl rollout restart deploy/x` (exit 0)');
  assert.equal(describeEntry(run({ kind: 'query', command: 'up == 0' })), 'Query `up == 0` (exit 0)');
  // A title that is the first command (no name, no section when it ran) stays code.
  assert.equal(runTitle(run({ title: 'kubectl get ns', command: 'kubectl get ns' })), '`kubectl get ns`');
  assert.equal(describeEntry(run({ command: '#!/bin/bash' })), 'Ran `#!/bin/bash` (exit 0)', 'nothing better to show');
});
