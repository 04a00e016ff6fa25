import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseAttributes } from '../../../../src/core/runbook/attributes';
import { kindOfLang, langOf } from '../../../../src/core/runbook/languages';
import { parseRunbook } from '../../../../src/core/runbook/parse';

test('runnable languages, case-insensitive, extra words ignored', () => {
  for (const lang of ['bash', 'sh', 'shell', 'zsh', 'ksh', 'shellscript', 'console', 'shell-session', 'BASH', 'Shell-Session', 'Sh']) {
    assert.equal(kindOfLang(lang), 'shell', lang);
  }
  assert.equal(kindOfLang('promql'), 'promql');
  assert.equal(kindOfLang('PromQL'), 'promql');
  for (const lang of ['', 'markdown', 'yaml', 'text', 'python', 'bash2', 'shell_session', 'powershell', 'fish']) {
    assert.equal(kindOfLang(lang), undefined, lang);
  }
  assert.equal(langOf('bash title="x" linenums'), 'bash');
  assert.equal(langOf('sh{name=x}'), 'sh');
  assert.equal(langOf('  {name=x}'), '');
  const rb = parseRunbook('```Bash extra words\na\n```\n```text\nb\n```\n```\nc\n```\n```yaml\nd: 1\n```\n```ZSH\ne\n```\n');
  assert.deepEqual(rb.blocks.map((b) => [b.index, b.lang, b.code]), [[1, 'Bash', 'a'], [2, 'ZSH', 'e']]);
  assert.equal(rb.fences.length, 5);
});

test('shell and promql blocks are numbered together', () => {
  const rb = parseRunbook('```promql\nup{job="<job>"} == 0\n```\n\n```sh\necho\n```\n\n```yaml\na: 1\n```\n\n```PromQL\nrate(x[5m])\n```\n');
  assert.deepEqual(rb.blocks.map((b) => [b.index, b.kind, b.lang]), [[1, 'promql', 'promql'], [2, 'shell', 'sh'], [3, 'promql', 'PromQL']]);
  assert.deepEqual(rb.blocks[0].placeholders, ['job']);
  assert.equal(rb.blocks[0].code, 'up{job="<job>"} == 0');
});

test('JSON attributes (Runme): strings, numbers and booleans become strings', () => {
  assert.deepEqual(parseAttributes('sh {"name":"restart","timeout":"30"}'), { attributes: { name: 'restart', timeout: '30' }, errors: [] });
  assert.deepEqual(parseAttributes('sh {"timeout":30,"interactive":false}').attributes, { timeout: '30', interactive: 'false' });
  assert.deepEqual(parseAttributes('sh { "name" : "a \\"quoted\\" } name" }').attributes, { name: 'a "quoted" } name' });
  assert.deepEqual(parseAttributes('sh {}'), { attributes: {}, errors: [] });
});

test('HTML-style attributes (Runme): bare, double- and single-quoted values', () => {
  assert.deepEqual(parseAttributes('sh { name=x confirm=true }'), { attributes: { name: 'x', confirm: 'true' }, errors: [] });
  assert.deepEqual(parseAttributes("sh {name=\"two words\" cwd='/tmp/a b' range=30m step=30s}").attributes, {
    name: 'two words', cwd: '/tmp/a b', range: '30m', step: '30s',
  });
  assert.deepEqual(parseAttributes('bash title="x" { name=restart interactive=true }').attributes, { title: 'x', name: 'restart', interactive: 'true' });
  assert.deepEqual(parseAttributes('sh{name=a,timeout=5}').attributes, { name: 'a', timeout: '5' });
  assert.deepEqual(parseAttributes('bash').attributes, {});
});

test('bare key=value words after the language are attributes too; braces win; other words are ignored', () => {
  assert.deepEqual(parseAttributes('promql range=30m step=30s'), { attributes: { range: '30m', step: '30s' }, errors: [] });
  assert.deepEqual(parseAttributes('promql range=1h extra words {"range":"30m"}'), { attributes: { range: '30m' }, errors: [] });
  assert.deepEqual(parseAttributes('bash linenums title="a b" x= "y'), { attributes: { title: 'a b' }, errors: [] });
  assert.deepEqual(parseAttributes('range=5m'), { attributes: {}, errors: [] });
  const b = parseRunbook('```promql range=30m step=30s\nup\n```\n').blocks[0];
  assert.deepEqual([b.kind, b.attributes], ['promql', { range: '30m', step: '30s' }]);
});

test('malformed attributes are reported, never thrown, and good pairs are kept', () => {
  const cases: [string, RegExp][] = [
    ['sh {"name": }', /not valid JSON/],
    ['sh {"name":"x"', /missing closing/],
    ['sh {"a":{"b":1}}', /must be a string/],
    ['sh {"a":[1]}', /must be a string/],
    ['sh { name=x', /missing closing/],
    ['sh { name="x }', /unterminated/],
    ['sh { 9lives }', /not a valid attribute name/],
    ['sh { 9lives=1 }', /not a valid attribute name/],
    ['sh {"__proto__":"x"}', /not allowed/],
    ['sh { __proto__=x }', /not allowed/],
  ];
  for (const [info, message] of cases) {
    const r = parseAttributes(info);
    assert.ok(r.errors.some((e) => message.test(e)), `${info}: ${JSON.stringify(r.errors)}`);
  }
  assert.deepEqual(parseAttributes('sh { 9lives name=x }').attributes, { name: 'x' });
  assert.equal(Object.getPrototypeOf(parseAttributes('sh {"__proto__":"x"}').attributes), Object.prototype);
  const b = parseRunbook('```sh { name=x timeout=\n echo\n```\n').blocks[0];
  assert.equal(b.name, 'x');
  assert.ok(b.attributeErrors.length > 0);
});

test('an empty value and a bare key are kept as "", as Runme keeps them (issue 17 §7)', () => {
  assert.deepEqual(parseAttributes('sh { first= second=2 }'), { attributes: { first: '', second: '2' }, errors: [] });
  assert.deepEqual(parseAttributes('sh { empty }'), { attributes: { empty: '' }, errors: [] });
  assert.deepEqual(parseAttributes('sh {empty,name=x,last}'), { attributes: { empty: '', name: 'x', last: '' }, errors: [] });
  assert.deepEqual(parseAttributes('sh { a="" b=\'\' }').attributes, { a: '', b: '' });
  assert.deepEqual(parseAttributes('sh { first=}').attributes, { first: '' });
  // The free words before the braces stay free text.
  assert.deepEqual(parseAttributes('bash linenums x= { y }').attributes, { y: '' });
});

test('block name comes from the name attribute; the info string keeps its raw text', () => {
  const rb = parseRunbook('```sh {"name":"a\\"b"}\necho\n```\n```bash { name=restart }\necho\n```\n```sh\necho\n```\n');
  assert.deepEqual(rb.blocks.map((b) => b.name), ['a"b', 'restart', undefined]);
  assert.equal(rb.blocks[0].info, 'sh {"name":"a\\"b"}');
});
