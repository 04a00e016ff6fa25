import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { prometheusUrlFor } from '../../../../src/core/integrations/prometheusUrl';
import { authFromEnv, axiosAuth } from '../../../../src/core/integrations/httpAuth';
import { apiUrl, displayUrl } from '../../../../src/core/integrations/httpErrors';

test('the Prometheus URL is chosen by context name: exact, then glob, then default', () => {
  const urls = { 'prod-*': 'https://prom.prod', 'prod-eu-1': 'https://prom.eu', 'kind-?': 'http://127.0.0.1:9090', '*staging*': 'https://prom.stg' };
  assert.equal(prometheusUrlFor('prod-eu-1', urls, 'http://d'), 'https://prom.eu');
  assert.equal(prometheusUrlFor('prod-us-2', urls, 'http://d'), 'https://prom.prod');
  assert.equal(prometheusUrlFor('kind-a', urls, 'http://d'), 'http://127.0.0.1:9090');
  assert.equal(prometheusUrlFor('kind-ab', urls, 'http://d'), 'http://d');
  assert.equal(prometheusUrlFor('my-staging-2', urls, undefined), 'https://prom.stg');
  assert.equal(prometheusUrlFor(undefined, urls, ' http://d '), 'http://d');
  assert.equal(prometheusUrlFor('dev', urls, ''), undefined);
  // Context names with slashes (OpenShift: default/api-x:6443/admin) still match a star pattern.
  assert.equal(prometheusUrlFor('default/api-prod:6443/admin', { 'default/api-prod*': 'https://p' }, undefined), 'https://p');
});

test('credentials come from the environment: token first, then user and password', () => {
  assert.deepEqual(authFromEnv({ P_TOKEN: 't', P_USER: 'u' }, 'P'), { kind: 'bearer', token: 't' });
  assert.deepEqual(authFromEnv({ P_USER: 'u', P_PASSWORD: 'p' }, 'P'), { kind: 'basic', username: 'u', password: 'p' });
  assert.deepEqual(authFromEnv({}, 'P'), { kind: 'none' });
  assert.deepEqual(axiosAuth({ kind: 'bearer', token: 't' }), { headers: { Authorization: 'Bearer t' } });
  assert.deepEqual(axiosAuth({ kind: 'basic', username: 'u', password: 'p' }), { auth: { username: 'u', password: 'p' } });
});

test('API paths keep a base path prefix; messages never show URL credentials', () => {
  assert.equal(apiUrl('https://h/prometheus', 'api/v1/query', 'Prometheus'), 'https://h/prometheus/api/v1/query');
  assert.equal(apiUrl('http://h:9090/', '/api/v1/query', 'Prometheus'), 'http://h:9090/api/v1/query');
  assert.throws(() => apiUrl('prometheus:9090', 'api/v1/query', 'Prometheus'), /must start with http/);
  assert.throws(() => apiUrl('not a url', 'x', 'Prometheus'), /Prometheus URL "not a url" is not a valid URL/);
  assert.equal(displayUrl('https://user:secret@h:9090/'), 'https://h:9090');
});
