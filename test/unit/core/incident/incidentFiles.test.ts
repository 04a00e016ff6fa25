import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { outputFilePath, outputPathKind } from '../../../../src/core/incident/incidentFiles';

test('outputPathKind knows a run output file and its folder, and nothing else', () => {
  const incident = path.join('/work', 'incidents', '2026-12-03-1207-db-down');
  assert.equal(outputPathKind(outputFilePath(incident, '20261203T120734943Z-01-80fb193f')), 'output');
  assert.equal(outputPathKind(path.join(incident, 'outputs')), 'folder');
  for (const other of ['/etc/passwd', path.join(incident, 'timeline.jsonl'), path.join(incident, 'outputs', 'notes.txt'),
    path.join(incident, 'outputs', 'deeper', 'x.log'), path.join(incident, 'outputs.log'), '/outputs-old/x.log']) {
    assert.equal(outputPathKind(other), undefined, other);
  }
});
