import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinActionsFor } from '../../../../src/core/incident/builtinActions';

/** What real bash prints and returns for the code, on a PATH without these tools. */
function bash(code: string): { exitCode: number | null; output: string; command: string } {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-nopath-'));
  const r = spawnSync('/bin/bash', ['-c', code], { encoding: 'utf8', env: { PATH: `${empty}:/usr/bin:/bin` } });
  fs.rmSync(empty, { recursive: true, force: true });
  return { exitCode: r.status, output: `${r.stdout}${r.stderr}`, command: code };
}
const offered = (code: string): string[] => builtinActionsFor(bash(code)).map((a) => a.label);

test('a missing pd, slack, /slack or statuspage-cli offers the built-in action, as real bash reports it', () => {
  assert.deepEqual(offered('pd incident ack --ids PXYZ123'), ['PagerDuty: Acknowledge']);
  assert.deepEqual(offered('echo acking\npd incident acknowledge -i PXYZ'), ['PagerDuty: Acknowledge']);
  assert.deepEqual(offered('pd incident resolve --ids PXYZ123'), ['PagerDuty: Resolve']);
  assert.deepEqual(offered('pd incident list'), ['PagerDuty: Acknowledge', 'PagerDuty: Resolve']);
  assert.deepEqual(offered('slack chat send "#incidents" "P0: photon down"'), ['Compose Incident Message']);
  assert.deepEqual(offered('/slack send #incidents "investigating"'), ['Compose Incident Message']);
  assert.deepEqual(offered('statuspage-cli incident create --name "Degraded"'), ['Compose Incident Message']);
  assert.deepEqual(offered('set -e\nkubectl version --client >/dev/null 2>&1 || true\npd incident ack'), ['PagerDuty: Acknowledge']);
});

test('nothing is offered for other failures: other missing tools, other exit codes, or the tool name only in output', () => {
  assert.deepEqual(offered('pdx incident ack'), []);
  assert.deepEqual(offered('photon-admin restart'), []);
  assert.deepEqual(offered('echo "pd: command not found"; exit 1'), [], 'exit 1, not 127');
  assert.deepEqual(offered('exit 127'), [], 'no message');
  assert.deepEqual(offered('echo "hint: slack is down"; nosuchtool-xyz'), []);
  assert.deepEqual(builtinActionsFor({ exitCode: 0, output: 'bash: line 1: pd: command not found\n', command: 'pd ack || true' }), []);
  assert.deepEqual(builtinActionsFor({ exitCode: 127, command: 'pd ack' }), []);
});
