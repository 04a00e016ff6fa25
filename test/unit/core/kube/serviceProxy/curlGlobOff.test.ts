import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { curlGlobOff } from '../../../../../src/core/kube/serviceProxy/curlGlobOff';

test('curl run with the proxy sends [5m] instead of globbing it, and keeps the user\'s own .curlrc', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-curlhome-'));
  fs.writeFileSync(path.join(home, '.curlrc'), 'user-agent = "runbook-test/1"');
  const plain = spawnSync('curl', ['-s', 'http://127.0.0.1:9/q?query=rate(x[5m])'], { env: { ...process.env, HOME: home } });
  assert.equal(plain.status, 3, 'plain curl: bad URL glob');
  const curl = await curlGlobOff({ HOME: home });
  try {
    const rc = fs.readFileSync(path.join(curl.env.CURL_HOME, '.curlrc'), 'utf8');
    assert.equal(rc, 'user-agent = "runbook-test/1"\ngloboff\n');
    const r = spawnSync('curl', ['-s', 'http://127.0.0.1:9/q?query=rate(x[5m])'], { env: { ...process.env, HOME: home, ...curl.env } });
    assert.equal(r.status, 7, 'the URL is sent: the connection to a closed port fails, not the glob');
  } finally {
    await curl.dispose();
    fs.rmSync(home, { recursive: true, force: true });
  }
  assert.ok(!fs.existsSync(curl.env.CURL_HOME), 'removed with the run');
});
