import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { defaultActor, defaultActorSoon } from '../../../../src/core/team/actor';

test('the default actor is git\'s user.name in the folder, else user.email, else the login name; the same without blocking', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-actor-'));
  const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
  // Only the folder's own config counts here, not the machine's.
  process.env.GIT_CONFIG_GLOBAL = path.join(dir, 'no-global');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  t.after(() => {
    for (const [k, v] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.nosystem]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const repo = path.join(dir, 'repo');
  execFileSync('git', ['init', '-q', repo]);
  const both = async (cwd: string) => {
    const sync = defaultActor(cwd);
    assert.equal(await defaultActorSoon(cwd), sync, `both ways in ${cwd}`);
    return sync;
  };
  assert.equal(await both(repo), os.userInfo().username, 'nothing set: the login name');
  execFileSync('git', ['config', 'user.email', 'carol@example.internal'], { cwd: repo });
  assert.equal(await both(repo), 'carol@example.internal');
  execFileSync('git', ['config', 'user.name', 'carol'], { cwd: repo });
  assert.equal(await both(repo), 'carol');
  assert.equal(await both(path.join(dir, 'no-such-folder')), os.userInfo().username, 'a missing folder is not an error');
});
