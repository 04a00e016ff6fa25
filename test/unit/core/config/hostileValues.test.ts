// Hostile and realistic mistakes in settings.json, tried against every setting: reading never
// throws, the value always has the schema's type, and every rejection names the setting.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { SETTINGS, type SettingName } from '../../../../src/core/config/schema';

const deep: Record<string, unknown> = {};
let cursor = deep;
for (let i = 0; i < 200; i++) cursor = (cursor.next = {}) as Record<string, unknown>;

const CORPUS: unknown[] = [
  // realistic typos
  '600', '10m', 'True', 'false', 'yes', 'on', 0, 1, -1, -0, 0.5, 1e308, -1e308, '', ' ', 'bash ', '\tbash', 'prod', '*prod*',
  ['*prod*', null], ['kubectl delete namespace', ''], [' '], [['nested']], [{ pattern: 'x' }], [], {}, null,
  { P1: '30m', P9: '1h' }, { p1: '30m' }, { P0: '' }, { P0: null }, { P0: -5 }, { P0: '1h-30m' }, { P0: 'next business days' },
  { 'prod-*': 'https://prom:9090', '': 'http://x' }, { 'prod-*': '' }, { 'prod-*': ['http://x'] },
  // hostile
  { __proto__: { polluted: true } }, JSON.parse('{"__proto__": "http://evil.invalid", "constructor": "x"}'), JSON.parse('{"__proto__": {"P0": "1m"}}'),
  'x'.repeat(100_000), '\u202Ebash', 'bash\u0000', '$(rm -rf /)', '../../etc', 'http://127.0.0.1:9090\r\nX: y',
  Array.from({ length: 10_000 }, (_, i) => `p${i}`), Array.from({ length: 1000 }, () => 7), deep,
  Number.NaN, Number.POSITIVE_INFINITY, Object.freeze({ P1: '1h' }), Object.freeze(['a']),
];

function typeOk(name: SettingName, value: unknown): boolean {
  const s = SETTINGS[name];
  switch (s.shape.type) {
    case 'string': return typeof value === 'string' && (!s.shape.enum || s.shape.enum.includes(value as string));
    case 'number': return typeof value === 'number' && Number.isFinite(value) && value >= (s.shape.minimum ?? -Infinity);
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
    case 'object': return !!value && typeof value === 'object' && !Array.isArray(value);
    default: return false;
  }
}

test('hostile and mistaken settings values: never a throw, always a value of the right type, every problem names its setting', () => {
  let tried = 0;
  let held = 0;
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    for (const raw of CORPUS) {
      tried++;
      const r = SETTINGS[name].read(raw);
      const ok = typeOk(name, r.value) && r.problems.every((p) => p.startsWith(`${SETTINGS[name].key}`) && p.length < 400);
      if (ok) held++;
      else assert.fail(`${name} with ${JSON.stringify(raw)?.slice(0, 80)}: ${JSON.stringify(r).slice(0, 300)}`);
    }
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
  assert.equal(held, tried);
  console.log(`settings corpus: ${held}/${tried} held`);
});

test('a "__proto__" key in prometheus.urls stays an ordinary entry', () => {
  const r = SETTINGS.prometheusUrls.read(JSON.parse('{"__proto__": "http://a.invalid:9090"}'));
  assert.deepEqual(Object.entries(r.value), [['__proto__', 'http://a.invalid:9090']]);
  assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
});
