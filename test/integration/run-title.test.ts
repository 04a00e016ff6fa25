import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAndRecord } from '../../src/core/exec/recordRun';
import { readTimeline } from '../../src/core/incident/timeline';
import { parseRunbook } from '../../src/core/runbook/parse';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-run-title-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a run records its name at run time: the name attribute, else the section heading, else the first command', async () => {
  const rb = parseRunbook([
    '# Runbook', '', '```bash', '#!/bin/bash', '# say hello', 'echo top', '```', '',
    '## Check the pods', '', '```bash { name=list-pods }', '#!/bin/bash', 'echo named', '```', '',
    '```bash', '#!/usr/bin/env bash', 'echo sectioned', '```', '',
  ].join('\n'));
  const dir = path.join(tmp, 'incident');
  const titles: (string | undefined)[] = [];
  for (const block of rb.blocks) {
    const e = await runAndRecord({ incidentDir: dir, runbookPath: path.join(tmp, 'rb.md'), runbookRel: 'rb.md', block, code: block.code, cwd: tmp });
    titles.push(e.title);
  }
  assert.deepEqual(titles, ['Runbook', 'list-pods', 'Check the pods']);
  assert.deepEqual((await readTimeline(dir)).entries.map((e) => e.title), titles, 'stored in timeline.jsonl');
  const noHeading = parseRunbook('```bash\n#!/bin/bash\n\n# comment\necho only-code\n```\n').blocks[0];
  const e = await runAndRecord({ incidentDir: dir, runbookPath: path.join(tmp, 'rb.md'), runbookRel: 'rb.md', block: noHeading, code: noHeading.code, cwd: tmp });
  assert.equal(e.title, 'echo only-code');
});
