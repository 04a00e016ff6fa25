import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as https from 'node:https';
import { ApiAgent } from '../../../../../src/core/kube/serviceProxy/apiAgent';

test('one keep-alive pool per run, replaced when the TLS material changes; a proxy-url agent is kept as given', () => {
  const pool = new ApiAgent();
  const first = pool.for('https:', { ca: 'CA', cert: 'C1', key: 'K1', agent: new https.Agent() });
  assert.ok(first instanceof https.Agent);
  assert.equal((first as https.Agent & { keepAlive?: boolean }).keepAlive, true);
  assert.equal(pool.for('https:', { ca: 'CA', cert: 'C1', key: 'K1', agent: new https.Agent() }), first, 'reused');
  const rotated = pool.for('https:', { ca: 'CA', cert: 'C2', key: 'K2', agent: new https.Agent() });
  assert.notEqual(rotated, first, 'a new client certificate gets a new pool');
  class ProxyAgent extends http.Agent {}
  const viaProxy = new ProxyAgent();
  assert.equal(pool.for('https:', { agent: viaProxy }), viaProxy);
  pool.destroy();
});
