import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { runAndRecord } from '../../../../src/core/exec/recordRun';
import { hasPipe, prepareStepCheck } from '../../../../src/core/exec/stepCheck';
import { readTimeline } from '../../../../src/core/incident/timeline';
import { resultLabel } from '../../../../src/core/runbook/lensModel';
import { exitText, isFailure } from '../../../../src/core/incident/entryText';
import { renderEntryMarkdown } from '../../../../src/core/incident/timelineMarkdown';
import type { TimelineEntry } from '../../../../src/core/incident/types';

// Every case runs the real bash: the ERR trap's semantics are bash's, not ours.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-steps-test-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** Runs `code` as the only block of a runbook (after two lines of heading) and returns the entry. */
async function run(code: string, info = 'bash', shell?: string): Promise<TimelineEntry> {
  const dir = path.join(tmp, `inc-${++n}`);
  const runbookPath = path.join(tmp, `rb-${n}.md`);
  const text = `# Steps\n\n\`\`\`${info}\n${code}\n\`\`\`\n`;
  fs.writeFileSync(runbookPath, text);
  const block = parseRunbook(text).blocks[0];
  return runAndRecord({ incidentDir: dir, runbookPath, runbookRel: path.basename(runbookPath), block, code: block.code, shell });
}

/** Fence on line 3, so the block's first line is runbook line 4. */
const L = (codeLine: number) => 3 + codeLine;

test('a block whose first command fails and whose last succeeds is failed, with exit code 0 kept', async () => {
  const e = await run('ls /nonexistent-rl-dir\necho done');
  assert.equal(e.exitCode, 0, 'exitCode is what bash returned');
  assert.equal(e.status, 'failed');
  assert.equal(e.failedSteps, 1);
  assert.equal(e.failedLine, L(1));
  assert.equal(e.failedExitCode, 2);
  assert.equal(e.failedCommand, 'ls /nonexistent-rl-dir');
  assert.ok(isFailure(e));
  assert.equal(exitText(e), `exit 0, 1 failed command (first: line ${L(1)}, exit 2)`);
  assert.match(renderEntryMarkdown(e), /^### .* · ✗ exit 0, 1 failed command/);
  assert.doesNotMatch(renderEntryMarkdown(e), /✓/);
  const label = resultLabel({ status: e.status as 'failed', exitCode: e.exitCode ?? null, durationMs: e.durationMs ?? 0, failedSteps: e.failedSteps });
  assert.match(label, /^✗ 0 · 1 command failed · /);
});

test('the reference case: two failing kubectl-like commands, then a successful echo', async () => {
  const e = await run('echo "checking the database"\nsh -c \'echo "Error from server (MethodNotAllowed)" >&2; exit 1\'\nsh -c \'echo "Error from server (MethodNotAllowed)" >&2; exit 1\'\necho "done"');
  assert.deepEqual([e.exitCode, e.status, e.failedSteps, e.failedLine], [0, 'failed', 2, L(2)]);
  assert.match(resultLabel({ status: 'failed', exitCode: 0, durationMs: 1, failedSteps: 2 }), /^✗ 0 · 2 commands failed · /);
});

const notFailures: [string, string][] = [
  ['|| true', 'false || true\necho ok'],
  ['|| with a message', 'grep -q nothing /dev/null || echo "not found"'],
  ['if condition', 'if false; then echo no; fi\necho ok'],
  ['elif and while conditions', 'if false; then :; elif false; then :; fi\nwhile false; do :; done\nuntil true; do :; done'],
  ['negation', '! false\necho ok'],
  ['&& chain', 'false && echo never\necho ok'],
  ['pipelines ended early by SIGPIPE', 'yes | head -1 >/dev/null\nseq 1000000 | head -n 1 >/dev/null\necho ok'],
  ['a pipeline whose commands all succeed', 'echo x | grep -q x\nprintf "a\\nb\\n" | sort | uniq -c >/dev/null'],
  ['test in a condition', '[ -e /nonexistent-rl-dir ] && echo yes\necho ok'],
  ['function used as a condition', 'f() { false; }\nif f; then :; fi\nf || true'],
  ['subshell ending well', '( true; true )\necho ok'],
  ['set +e style script', 'set +e\nx=1\necho "$x"'],
];
for (const [name, code] of notFailures) {
  test(`not a failure: ${name}`, async () => {
    const e = await run(code);
    assert.equal(e.status, 'ok', `${code}: ${JSON.stringify(e.failedCommand)}`);
    assert.equal(e.failedSteps, undefined);
  });
}

const failures: [string, string, number, number][] = [
  // name, code, failed steps, code line of the first failure
  ['function whose command fails, called once', 'f() {\n  ls /nonexistent-rl-dir 2>/dev/null\n}\nf\necho ok', 1, 2],
  ['nested functions', 'g() { false; }\nf() { g; }\nf\necho ok', 1, 1],
  ['function failing then an unrelated failure', 'f() { false; true; }\nf\nfalse\necho ok', 2, 1],
  ['failure inside a subshell that ends well', '( false; true )\necho ok', 1, 1],
  ['subshell spanning lines', '(\n  echo in\n  false\n)\necho ok', 1, 3],
  ['command substitution', 'x=$(false)\necho "x=$x"', 1, 1],
  ['command substitution spanning lines', 'x=$(\n  echo a\n  false\n)\necho ok', 1, 4],
  ['failure in a loop, twice', 'for i in 1 2; do\n  false\ndone\necho ok', 2, 2],
  ['return code of a function', 'f() { return 3; }\nf\necho ok', 1, 2],
  ['last command of a pipeline', 'echo x | grep -q y\necho ok', 1, 1],
  // bash itself ignores these without pipefail: `cat missing | wc -l` prints 0 and succeeds.
  ['first command of a pipeline', 'cat /nonexistent-rl-file 2>/dev/null | wc -l\necho counted', 1, 1],
  ['middle command of a pipeline', 'echo x | grep -q y | cat\necho ok', 1, 1],
  ['pipeline as the last command', 'echo start\nfalse | cat', 1, 2],
  ['two pipelines on one line', 'false | cat; false | cat\necho ok', 2, 1],
  ['pipefail set by the block: counted once', 'set -o pipefail\nfalse | cat\necho ok', 1, 2],
  ['pipeline command fails while set -x traces', 'set -x\nfalse | cat\nset +x\necho ok', 1, 2],
  ['missing command', 'no-such-command-rl 2>/dev/null\necho ok', 1, 1],
  ['failure after a heredoc', 'cat <<EOF >/dev/null\nline\nEOF\nfalse\necho ok', 1, 4],
  ['background job does not hide the next failure', 'sleep 0 &\nwait\nfalse\necho ok', 1, 3],
];
for (const [name, code, steps, line] of failures) {
  test(`failure seen: ${name}`, async () => {
    const e = await run(code);
    assert.equal(e.exitCode, 0);
    assert.equal(e.status, 'failed');
    assert.equal(e.failedSteps, steps, code);
    assert.equal(e.failedLine, L(line), code);
  });
}

test('the last command failing stays a plain failure with its exit code', async () => {
  const e = await run('echo hi\nexit 4');
  assert.deepEqual([e.exitCode, e.status], [4, 'failed']);
  assert.equal(exitText(e), 'exit 4');
});

test('nothing else changes: output, $?, $LINENO and the exit code are those of plain bash -c', () => {
  const corpus = [
    'false; echo "status=$?"',
    'ls /nonexistent-rl-dir 2>&1; echo "after=$?"',
    'echo "line $LINENO"\necho "line $LINENO"',
    'f() { echo "in f at $LINENO"; return 2; }\nf; echo "rc=$?"',
    'set -o | grep -E "^(errexit|pipefail|nounset)" | tr -s " \\t" " "',
    'trap -p INT; echo "traps listed"',
    'cat /nonexistent-rl-file 2>&1 | wc -l; echo "pipe=$? ${PIPESTATUS[*]}"',
    'x=$(false); echo "x=[$x] rc=$?"',
    'false | true; echo "pipe=$?"',
    'echo out; echo err >&2; exit 7',
    'printf "%s\\n" "$0" "$#"',
    'if false; then :; else echo "else $?"; fi',
  ];
  for (const code of corpus) {
    const plain = spawnSync('bash', ['-c', code], { encoding: 'utf8' });
    const check = prepareStepCheck(code, 'bash');
    try {
      const wrapped = spawnSync('bash', ['-c', check.command], { encoding: 'utf8' });
      assert.equal(wrapped.stdout, plain.stdout, code);
      assert.equal(wrapped.stderr, plain.stderr, code);
      assert.equal(wrapped.status, plain.status, code);
    } finally {
      check.dispose();
    }
  }
  // What does differ, and is documented: errtrace is on and the ERR trap is ours.
  const check = prepareStepCheck('set -o | grep -E "^errtrace" | tr -s " \\t" " "; trap -p ERR | cut -c1-16', 'bash');
  try {
    assert.equal(spawnSync('bash', ['-c', check.command], { encoding: 'utf8' }).stdout, "errtrace on\ntrap -- 'printf \n");
  } finally {
    check.dispose();
  }
});

test('errexit=true stops at the first failing command, pipefail included; pipefail=true alone does not stop', async () => {
  const stopped = await run('echo one\nfalse\necho never', 'bash { errexit=true }');
  assert.deepEqual([stopped.exitCode, stopped.status, stopped.failedLine], [1, 'failed', L(2)]);
  assert.doesNotMatch(stopped.output ?? '', /never/);
  const piped = await run('false | true\necho never', 'bash { errexit=true }');
  assert.equal(piped.exitCode, 1);
  assert.doesNotMatch(piped.output ?? '', /never/);
  const onlyPipefail = await run('false | true\necho after', 'bash { pipefail=true }');
  assert.deepEqual([onlyPipefail.exitCode, onlyPipefail.status, onlyPipefail.failedLine], [0, 'failed', L(1)]);
  assert.match(onlyPipefail.output ?? '', /after/);
  // Without pipefail the pipeline succeeds (bash goes on) but its failed command is still reported.
  const off = await run('false | true\necho after', 'bash { errexit=false }');
  assert.deepEqual([off.exitCode, off.status, off.failedSteps, off.failedLine], [0, 'failed', 1, L(1)]);
  assert.match(off.output ?? '', /after/);
});

test('the failed command is recorded redacted', async () => {
  const e = await run('curl -sf -H "Authorization: Bearer ghp_abcdefghijklmnopqrstuvwxyz0123456789" http://127.0.0.1:9/x\necho done');
  assert.equal(e.status, 'failed');
  assert.ok(e.failedCommand && !e.failedCommand.includes('ghp_abcdefghijklmnopqrstuvwxyz0123456789'), e.failedCommand);
  assert.match(e.failedCommand ?? '', /REDACTED/);
});

test('the recorded failure survives a read of the timeline', async () => {
  const e = await run('false\ntrue');
  const { entries } = await readTimeline(path.join(tmp, `inc-${n}`));
  assert.deepEqual(entries.map((x) => [x.id, x.status, x.failedLine]), [[e.id, 'failed', L(1)]]);
});

test('sh has no ERR trap: the entry and the lens say only the last exit code is known', async () => {
  const e = await run('false\necho ok', 'bash', 'sh');
  assert.deepEqual([e.status, e.stepsChecked, e.failedSteps], ['ok', false, undefined]);
  assert.match(renderEntryMarkdown(e), /not checked one by one/);
  assert.match(resultLabel({ status: 'ok', exitCode: 0, durationMs: 5, stepsChecked: false }), /^✓ 0 · last command only · /);
  const stopped = await run('false\necho never', 'bash { errexit=true }', 'sh');
  assert.equal(stopped.exitCode, 1, 'errexit works in sh too');
});

test('the lens never shows ✓ when a command failed', () => {
  for (const failedSteps of [1, 2, 10]) {
    for (const exitCode of [0, 1]) {
      for (const status of ['ok', 'failed'] as const) {
        const label = resultLabel({ status, exitCode, durationMs: 1000, failedSteps });
        assert.ok(!label.includes('✓') && label.startsWith('✗'), label);
      }
    }
  }
});

test('the failure file is private and removed after the run', () => {
  const check = prepareStepCheck('false', 'bash');
  const file = /'(\/[^']*failures)'/.exec(check.command)?.[1];
  assert.ok(file, check.command);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  check.dispose();
  assert.equal(fs.existsSync(path.dirname(file)), false);
});

test('a temp folder that cannot be written does not stop the block: it runs unchecked and says so', async () => {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = path.join(tmp, 'no-such-tmp');
  let e: TimelineEntry;
  try {
    e = await run('false\necho ran');
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  assert.deepEqual([e.exitCode, e.status, e.stepsChecked], [0, 'ok', false]);
  assert.match(e.output ?? '', /ran/);
  assert.match(e.error ?? '', /failing commands not checked: cannot create a file in \S+no-such-tmp/);
});

test('the pipeline check is only set in code that has a pipe', () => {
  assert.ok(hasPipe('kubectl get pods | grep web'));
  assert.ok(hasPipe('make 2>&1 |& tee log'));
  assert.ok(!hasPipe('kubectl get pod web || echo missing'));
  assert.ok(!hasPipe('for i in 1 2; do echo $i; done'));
  const without = prepareStepCheck('for i in 1 2; do echo $i; done', 'bash');
  const withPipe = prepareStepCheck('echo a | cat', 'bash');
  try {
    assert.doesNotMatch(without.command, /DEBUG/);
    assert.match(withPipe.command, /DEBUG EXIT/);
  } finally {
    without.dispose();
    withPipe.dispose();
  }
});

test('set -x traces nothing of ours (pipeline stages trace in either order, so lines are compared sorted)', () => {
  const code = 'set -x\nfalse | cat\necho traced';
  const sorted = (t: string) => t.split('\n').sort().join('\n');
  const plain = spawnSync('bash', ['-c', code], { encoding: 'utf8' });
  const check = prepareStepCheck(code, 'bash');
  try {
    const wrapped = spawnSync('bash', ['-c', check.command], { encoding: 'utf8' });
    assert.equal(sorted(wrapped.stderr), sorted(plain.stderr));
    assert.equal(wrapped.stdout, plain.stdout);
  } finally {
    check.dispose();
  }
});
