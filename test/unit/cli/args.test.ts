import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseCommandArgs, parseKeyValues, parsePositiveInt, parseSecondsFlag, UsageError } from '../../../src/cli/args';
import { selectBlock } from '../../../src/cli/selectBlock';
import { parseRunbook } from '../../../src/core/runbook/parse';

const options = { block: { type: 'string' }, var: { type: 'string', multiple: true }, yes: { type: 'boolean' } } as const;
const usage = (message: RegExp) => (err: unknown) => err instanceof UsageError && message.test(err.message) && !err.message.includes('\n');

test('parseCommandArgs: values, positionals, and one-line errors', () => {
  const parsed = parseCommandArgs(['f.md', '--block', '2', '--var', 'a=1', '--var', 'b=2', '--yes'], options, { min: 1, max: 1, names: 'FILE' });
  assert.deepEqual(parsed.positionals, ['f.md']);
  assert.deepEqual({ ...parsed.values }, { block: '2', var: ['a=1', 'b=2'], yes: true });
  assert.throws(() => parseCommandArgs(['--block', '1'], options, { min: 1, max: 1, names: 'FILE' }), usage(/^missing FILE$/));
  assert.throws(() => parseCommandArgs(['a', 'b'], options, { min: 1, max: 1, names: 'FILE' }), usage(/^unexpected argument 'b'$/));
  assert.throws(() => parseCommandArgs(['a', '--frobnicate'], options, { min: 1, max: 1, names: 'FILE' }), usage(/^Unknown option '--frobnicate'$/));
  assert.throws(() => parseCommandArgs(['a', '--block'], options, { min: 1, max: 1, names: 'FILE' }), usage(/argument missing/));
  assert.throws(() => parseCommandArgs(['a', '--yes=no'], options, { min: 1, max: 1, names: 'FILE' }), usage(/does not take an argument/));
});

test('--var KEY=VALUE pairs, numbers and durations', () => {
  assert.deepEqual(parseKeyValues(['pod=web-1', 'q=a=b', 'empty='], '--var'), { pod: 'web-1', q: 'a=b', empty: '' });
  assert.throws(() => parseKeyValues(['novalue'], '--var'), usage(/--var expects KEY=VALUE, got 'novalue'/));
  assert.throws(() => parseKeyValues(['=x'], '--var'), usage(/expects KEY=VALUE/));
  assert.equal(parsePositiveInt('12', '--block'), 12);
  for (const bad of ['0', '-1', 'two', '1.5', '']) assert.throws(() => parsePositiveInt(bad, '--block'), usage(/--block expects a number from 1/));
  assert.equal(parseSecondsFlag('30', '--timeout'), 30);
  assert.equal(parseSecondsFlag('1m30s', '--timeout'), 90);
  assert.equal(parseSecondsFlag('0', '--timeout'), 0);
  assert.throws(() => parseSecondsFlag('soon', '--timeout'), usage(/--timeout expects seconds/));
});

test('selectBlock by number or name, with the choices in the error', () => {
  const runbook = parseRunbook([
    '# R', '```bash { name=a }', 'echo a', '```', '```sh', 'echo b', '```', '```bash { name=dup }', 'x', '```', '```bash { name=dup }', 'y', '```',
  ].join('\n'));
  assert.equal(selectBlock(runbook, 'r.md', { block: '2' }).code, 'echo b');
  assert.equal(selectBlock(runbook, 'r.md', { name: 'a' }).index, 1);
  assert.throws(() => selectBlock(runbook, 'r.md', { block: '9' }), usage(/r\.md has no block 9 \(it has 4 runnable blocks\)/));
  assert.throws(() => selectBlock(runbook, 'r.md', { name: 'zzz' }), usage(/no block named 'zzz' \(names: a, dup\)/));
  assert.throws(() => selectBlock(runbook, 'r.md', { name: 'dup' }), usage(/2 blocks named 'dup' \(blocks 3, 4\); use --block N/));
  assert.throws(() => selectBlock(runbook, 'r.md', {}), usage(/--block N or --name NAME/));
  assert.throws(() => selectBlock(runbook, 'r.md', { block: '1', name: 'a' }), usage(/either --block or --name/));
  assert.throws(() => selectBlock(parseRunbook('no blocks'), 'e.md', { name: 'x' }), usage(/no block has a name/));
});
