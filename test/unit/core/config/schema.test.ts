import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { showValue } from '../../../../src/core/config/kinds';
import { readSettingsFrom } from '../../../../src/core/config/readSettings';
import { SETTINGS, type SettingName } from '../../../../src/core/config/schema';
import { safetyConfig } from '../../../../src/core/config/safety';

const names = Object.keys(SETTINGS) as SettingName[];

/** Values a hurried edit of settings.json produces, by the setting's JSON type. */
function badValuesFor(name: SettingName): unknown[] {
  const s = SETTINGS[name];
  const common = [{ nested: true }];
  switch (s.shape.type) {
    case 'string': return [...common, 42, true, ['bash'], ...(s.shape.enum ? ['sometimes', 'ASK', ''] : [])];
    case 'number': return [...common, '30', -1, true, [5]];
    case 'boolean': return [...common, 'true', 1, 'yes'];
    case 'array': return ['*prod*', 7, { a: 'b' }];
    case 'object': return ['x', 5, ['P1']];
    default: throw new Error(`no bad values for ${name}`);
  }
}

test('every setting reads its own default with no problem', () => {
  for (const name of names) {
    const r = SETTINGS[name].read(SETTINGS[name].default);
    assert.deepEqual(r.problems, [], name);
    assert.deepEqual(SETTINGS[name].read(undefined), r, `${name}: unset is the default`);
  }
});

test('every setting rejects bad values: the message names the setting, the value, what is allowed and what is used', () => {
  let tried = 0;
  for (const name of names) {
    const s = SETTINGS[name];
    const fallback = s.read(s.default).value;
    for (const bad of badValuesFor(name)) {
      const r = s.read(bad);
      tried++;
      assert.equal(r.problems.length, 1, `${name} = ${showValue(bad)}: ${JSON.stringify(r.problems)}`);
      const [message] = r.problems;
      assert.ok(message.startsWith(`${s.key}: `), message);
      assert.ok(message.includes(showValue(bad)), `${message} shows the bad value`);
      assert.match(message, /is not allowed \(.+\); using .+ instead$/, message);
      assert.deepEqual(r.value, fallback, `${name} = ${showValue(bad)} uses the default`);
    }
  }
  assert.ok(tried >= names.length * 3);
});

test('the empty string is refused where it cannot work and allowed where it means "none"', () => {
  assert.match(SETTINGS.shell.read('').problems[0], /^runbookLens\.shell: "" is not allowed \(a shell program such as bash or sh\); using "bash" instead$/);
  assert.equal(SETTINGS.shell.read('  ').value, 'bash');
  assert.match(SETTINGS.incidentsDir.read('').problems[0], /using "incidents" instead/);
  assert.deepEqual(SETTINGS.actor.read(''), { value: '', problems: [] });
  assert.deepEqual(SETTINGS.prometheusDefaultUrl.read(' http://127.0.0.1:9090 '), { value: 'http://127.0.0.1:9090', problems: [] });
});

test('numbers: 0 is allowed (no timeout), negative and non-finite values are not', () => {
  assert.deepEqual(SETTINGS.defaultTimeoutSeconds.read(0), { value: 0, problems: [] });
  assert.equal(SETTINGS.defaultTimeoutSeconds.read(2.5).value, 2.5);
  assert.match(SETTINGS.defaultTimeoutSeconds.read(-5).problems[0], /^runbookLens\.defaultTimeoutSeconds: -5 is not allowed \(a number of seconds, 0 or more; 0 for none\); using 600 instead$/);
  assert.equal(SETTINGS.prometheusTimeoutSeconds.read(Number.POSITIVE_INFINITY).value, 30);
});

test('lists drop only their bad items, so one typo keeps the other deny rules', () => {
  const r = SETTINGS.safetyDeny.read(['kubectl delete namespace', 3, '', 'helm uninstall']);
  assert.deepEqual(r.value, ['kubectl delete namespace', 'helm uninstall']);
  assert.equal(r.problems.length, 2);
  assert.match(r.problems[0], /^runbookLens\.safety\.deny: item 2, 3, is not allowed \(a non-empty command pattern\); it is ignored, the other items apply$/);
  assert.match(r.problems[1], /item 3, "", is not allowed/);
  // An explicit empty list is a choice, not a mistake.
  assert.deepEqual(SETTINGS.safetyProtectedContexts.read([]), { value: [], problems: [] });
  assert.deepEqual(SETTINGS.safetyProtectedContexts.read('prod').value, ['*prod*']);
});

test('Prometheus URLs per context: entries with a non-string value are dropped one by one', () => {
  const r = SETTINGS.prometheusUrls.read({ 'prod-*': 'https://prom.prod:9090', staging: 9090 });
  assert.deepEqual(r.value, { 'prod-*': 'https://prom.prod:9090' });
  assert.match(r.problems[0], /^runbookLens\.prometheus\.urls: the value of "staging", 9090, is not allowed \(a Prometheus URL\); that entry is ignored$/);
});

test('per-severity settings: a bad entry keeps that severity\'s default and says which', () => {
  const t = SETTINGS.responseTargets.read({ P1: '30m', P2: 'later', P7: '1h' });
  assert.deepEqual(t.value.P1, { kind: 'duration', ms: 30 * 60_000 });
  assert.deepEqual(t.value.P2, { kind: 'duration', ms: 4 * 3_600_000 });
  assert.match(t.problems.join('\n'), /runbookLens\.responseTargets\.P2: cannot read "later" as a duration .*; using the default 4 h instead/);
  assert.match(t.problems.join('\n'), /unknown severity "P7" .*that entry is ignored/);
  const u = SETTINGS.updateIntervals.read({ P2: -3 });
  assert.equal(u.value.P2, 0);
  assert.match(u.problems[0], /runbookLens\.updateIntervals\.P2: .*; using the default none instead/);
});

test('readSettingsFrom reads every key once, by its full name, and collects the problems', () => {
  const asked: string[] = [];
  const { settings, problems } = readSettingsFrom((key) => {
    asked.push(key);
    return ({ 'runbookLens.shell': 'sh', 'runbookLens.runAll.onFailure': 'never', 'runbookLens.safety.extraDestructive': ['photon-admin reset-device'] } as Record<string, unknown>)[key];
  });
  assert.deepEqual(asked.sort(), names.map((n) => SETTINGS[n].key).sort());
  assert.equal(settings.shell, 'sh');
  assert.equal(settings.runAllOnFailure, 'ask');
  assert.deepEqual(problems, ['runbookLens.runAll.onFailure: "never" is not allowed (one of "ask", "stop", "continue"); using "ask" instead']);
  const safety = safetyConfig(settings);
  assert.deepEqual(safety.protectedPatterns, ['*prod*']);
  assert.ok(safety.rules.destructive.some((r) => r.pattern === 'photon-admin reset-device'));
});

test('a long bad value is cut in the message', () => {
  const long = 'x'.repeat(500);
  const [message] = SETTINGS.shell.read([long]).problems;
  assert.ok(message.length < 200, message);
});
