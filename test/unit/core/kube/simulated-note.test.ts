import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simulatedClusterNote } from '../../../../src/core/kube/simulated';

test('the simulated-cluster tooltip says what is simulated (the Kubernetes API of the demo contexts) and what runs for real', () => {
  const note = simulatedClusterNote(['demo-staging', 'demo-prod']);
  assert.match(note, /Only the Kubernetes API of `demo-staging` and `demo-prod` is simulated/);
  assert.match(note, /No containers run: `kubectl exec` answers only a few read-only commands/);
  for (const program of ['curl', 'rm', 'photon-admin']) assert.match(note, new RegExp(`\`${program}\`[^.]*runs? on this machine for real`));
  assert.doesNotMatch(note, /touches real infrastructure|Nothing you run/i);
});

test('no text of the extension claims that nothing run against the demo touches real infrastructure', () => {
  const root = path.resolve(__dirname, '../../../../src');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const claims = files.filter((f) => /touches real infrastructure|Nothing you run here/i.test(fs.readFileSync(path.join(root, f), 'utf8')));
  assert.deepEqual(claims, []);
});
