// The editor's live view, wired as RunController wires it (the pipe executor's redacted output into
// boundedLiveSink), with real bash: the first line arrives while the block still runs, and a big
// output reaches the view bounded, with a note naming the output file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeExecutor, runPipeline } from '../../../../src/core/run';
import { boundedLiveSink, type BoundedLiveSink } from '../../../../src/core/exec/liveOutput';
import { outputFilePath } from '../../../../src/core/incident/incidentFiles';
import { ScriptedDriver } from '../../../support/scriptedDriver';
import { blocksOf, fence, incident, request, tmpDir } from './helpers';

/** A driver whose live view is the editor's: bounded, fed the executor's redacted text and bytes. */
class EditorLikeDriver extends ScriptedDriver {
  live: BoundedLiveSink | undefined;
  file: string | undefined;
  readonly emitted: string[] = [];
  constructor(private readonly incidentDir: string, private readonly onEmit: (text: string) => void = () => undefined) {
    super();
  }
  override progress(step: Parameters<ScriptedDriver['progress']>[0], run: Parameters<ScriptedDriver['progress']>[1], entryId?: string): void {
    super.progress(step, run);
    if (step === 'started' && entryId) {
      this.file = outputFilePath(this.incidentDir, entryId);
      this.live = boundedLiveSink((t) => { this.emitted.push(t); this.onEmit(t); }, { outputFile: this.file });
    }
  }
  override output() {
    return { write: (text: string) => this.live?.write(text), writeBytes: (bytes: Buffer) => this.live?.write(bytes) };
  }
}

test('the live view gets the first line of `echo first; sleep 5` while the block still runs', async (t) => {
  const dir = tmpDir(t);
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', 'echo first; sleep 5'));
  const inc = await incident(dir);
  const stop = new AbortController();
  let settled = false;
  let shownWhileRunning = false;
  const driver = new EditorLikeDriver(inc, (text) => {
    if (!/(^|\n)first\n/.test(text)) return;
    shownWhileRunning = !settled;
    stop.abort(); // Stop, as a person would once they saw it: the block never reaches its end.
  });
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc, signal: stop.signal }), driver, { executor: pipeExecutor({ killGraceMs: 500 }) }).finally(() => (settled = true));
  driver.live?.end();
  assert.ok(shownWhileRunning, `the first line was shown before the run settled (shown: ${JSON.stringify(driver.emitted)})`);
  assert.equal(outcome.status, 'done');
  assert.equal(outcome.status === 'done' && outcome.entry?.status, 'stopped', 'the run was stopped after its first line, so the line came before the block ended');
});

test('8 MiB through the pipeline reaches the live view bounded, with its last line and where the rest is', async (t) => {
  const dir = tmpDir(t);
  const bytes = 8 * 1024 * 1024;
  const { runbookPath, blocks } = blocksOf(dir, fence('bash', `yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c ${bytes}; echo THE-LAST-LINE`));
  const inc = await incident(dir);
  const driver = new EditorLikeDriver(inc);
  const t0 = performance.now();
  const outcome = await runPipeline(request(runbookPath, blocks[0], { incidentDir: inc }), driver, { executor: pipeExecutor() });
  driver.live?.end();
  const seconds = (performance.now() - t0) / 1000;
  assert.equal(outcome.status === 'done' && outcome.entry?.status, 'ok');
  assert.equal(fs.statSync(driver.file!).size, bytes + 'THE-LAST-LINE\n'.length, 'the output file has everything');
  const shown = driver.emitted.join('');
  // The head (64 KiB), then at most one 8 KiB tail a second (one more at the end), each after a one-line note.
  const bound = 64 * 1024 + (Math.ceil(seconds) + 1) * (8 * 1024 + 200);
  assert.ok(shown.length <= bound, `${shown.length} chars shown, at most ${bound} allowed`);
  assert.match(shown, /THE-LAST-LINE\n$/, 'the last line is shown');
  assert.ok(shown.includes(`bytes not shown here; the full output is in ${driver.file}`), 'the note names the output file');
  assert.equal(path.dirname(driver.file!), path.join(inc, 'outputs'));
});
