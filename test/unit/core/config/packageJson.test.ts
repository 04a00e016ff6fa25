import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { SETTINGS } from '../../../../src/core/config/schema';

interface Declared { type?: string | string[]; default?: unknown; enum?: string[]; items?: { type?: string }; minimum?: number }

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Declared> } } };
const declared = pkg.contributes.configuration.properties;
const schema = new Map(Object.values(SETTINGS).map((s) => [s.key, s]));

test('every runbookLens.* setting of package.json is in the schema', () => {
  const missing = Object.keys(declared).filter((k) => !schema.has(k));
  assert.deepEqual(missing, [], 'declared in package.json, not in src/core/config/schema.ts');
});

test('every setting of the schema is declared in package.json', () => {
  const missing = [...schema.keys()].filter((k) => !(k in declared));
  assert.deepEqual(missing, [], 'in the schema, not declared in package.json');
});

test('package.json and the schema agree on each setting\'s type, default, enum, items and minimum', () => {
  for (const [key, s] of schema) {
    const d = declared[key];
    if (!d) continue;
    assert.deepEqual(d.type, s.shape.type, `${key}: type`);
    assert.deepEqual(d.default, s.default, `${key}: default`);
    assert.deepEqual(d.enum, s.shape.enum, `${key}: enum`);
    assert.deepEqual(d.items, s.shape.items, `${key}: items`);
    assert.equal(d.minimum, s.shape.minimum, `${key}: minimum`);
  }
});
