// The core part of Run in Terminal: what the editor's terminal reports becomes the same entry
// as a pipe run. The host here is a real TerminalHost that answers as a terminal would.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOT_CAPTURED, pipeExecutor, runPipeline, terminalExecutor, type TerminalHost, type TerminalRun } from '../../../../src/core/run';
import type { TimelineEntry } from '../../../../src/core/incident/types';
import { ScriptedDriver } from '../../../support/scriptedDriver';
import { blocksOf, fence, incident, request, tmpDir } from './helpers';

/** Answers with what a terminal printed; remembers where it was asked to run. */
function host(reply: Partial<TerminalRun>, asked: { cwd?: string; commandLine?: string }[] = []): TerminalHost {
  return {
    run: async ({ cwd, commandLine }) => {
      asked.push({ cwd, commandLine });
      return { observed: true, raw: '', exitCode: 0, stopped: false, startedAt: new Date(), durationMs: 3, closed: Promise.resolve(), ...reply };
    },
  };
}

async function entryOf(t: Parameters<typeof tmpDir>[0], code: string, h: TerminalHost, info = 'bash') {
  const dir = tmpDir(t);
  fs.mkdirSync(path.join(dir, 'work'));
  const { runbookPath, blocks } = blocksOf(dir, fence(info, code));
  const inc = await incident(dir);
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc }), new ScriptedDriver(), { executor: terminalExecutor(h) });
  assert.ok(outcome.status === 'done' && outcome.entry, outcome.status);
  return { dir, inc, entry: outcome.entry, runbookPath, blocks };
}

test('the terminal opens in the block\'s cwd; the output file is 0600 at outputs/<id>.log; ANSI and CRs cleaned', async (t) => {
  const asked: { cwd?: string }[] = [];
  const { dir, inc, entry } = await entryOf(t, 'echo one\necho two', host({ raw: '\u001b[32mone\u001b[0m\r\ntwo\r\n' }, asked), 'bash cwd=work');
  assert.equal(asked[0].cwd, path.join(dir, 'work'));
  assert.equal(entry.outputFile, `outputs/${entry.id}.log`);
  const file = path.join(inc, entry.outputFile!);
  assert.equal(fs.readFileSync(file, 'utf8'), 'one\ntwo\n');
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  assert.deepEqual([entry.terminal, entry.status, entry.exitCode, entry.actor], [true, 'ok', 0, 'tester']);
});

test('a terminal run records the same fields as a pipe run of the same block', async (t) => {
  const term = await entryOf(t, 'echo one\necho two', host({ raw: 'one\ntwo\n' }));
  const inc = await incident(tmpDir(t));
  const pipe = await runPipeline(request(term.runbookPath, term.blocks[0], { incidentDir: inc }), new ScriptedDriver(), { executor: pipeExecutor() });
  assert.ok(pipe.status === 'done' && pipe.entry);
  const keys = (e: TimelineEntry) => Object.keys(e).filter((k) => k !== 'terminal').sort();
  assert.deepEqual(keys(term.entry), keys(pipe.entry));
  assert.equal(term.entry.output, pipe.entry.output);
});

test('secrets the terminal printed are masked in the capture; a secret-printing block is withheld', async (t) => {
  const token = `ghp_${'x7Kq'.repeat(9)}`;
  const masked = await entryOf(t, 'echo a\necho b', host({ raw: `token: ${token}\n` }));
  assert.ok(!masked.entry.output!.includes(token));
  assert.ok(!fs.readFileSync(path.join(masked.inc, masked.entry.outputFile!), 'utf8').includes(token));
  const withheld = await entryOf(t, 'oc whoami -t\necho done', host({ raw: 'sha256~secret-token-value\ndone\n' }));
  assert.match(withheld.entry.output!, /^\[REDACTED:secret-command-output\]/);
  assert.deepEqual(withheld.entry.redactions, { 'secret-command-output': 1 });
});

test('a terminal that could not be observed: status unknown, no output file, the reason in the output', async (t) => {
  const { inc, entry } = await entryOf(t, 'echo a\necho b', host({ observed: false, exitCode: null }));
  assert.deepEqual([entry.status, entry.exitCode, entry.output], ['unknown', null, NOT_CAPTURED]);
  assert.equal(fs.existsSync(path.join(inc, entry.outputFile!)), false);
});

test('a stop while the shell starts is recorded as stopped; a failure in the script names its line', async (t) => {
  const stopped = await entryOf(t, 'echo a\necho b', host({ stopped: true, exitCode: null }));
  assert.equal(stopped.entry.status, 'stopped');
  const failed = await entryOf(t, 'echo a\nfalse', host({ exitCode: 1, raw: 'a\n' }));
  assert.equal(failed.entry.status, 'failed');
});
