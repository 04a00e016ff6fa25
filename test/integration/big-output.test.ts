// Big output, end to end: a 256 MiB run's output file is complete and redacted, and a CLI killed
// mid-run leaves no unredacted output anywhere on disk.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runProcess } from '../../src/core/exec/runner';
import { signalGroup } from '../../src/core/exec/processGroup';
import { redactText } from '../../src/core/incident/redaction/redact';
import { bundleCli } from '../support/bundleCli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-big-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function fileHash(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

// Fake, format-correct GitHub token (not a real credential).
const TOKEN = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';

test('a 256 MiB run: the output file has every byte, redacted, in order', async () => {
  const line = '2026-12-02T04:00:00Z INFO photon-compiler request served path=/api/v1/compile status=200 ms=12';
  const count = Math.floor((256 * 1024 * 1024) / (line.length + 1));
  const secretLine = `token: ${TOKEN}`;
  const outputFile = path.join(tmp, 'big.log');
  const r = await runProcess({
    command: `echo '${secretLine}'; yes '${line}' | head -n ${count}; echo '${secretLine}'`,
    outputFile,
  });
  assert.equal(r.exitCode, 0);
  // The expectation, built without the runner: the redacted secret line, the plain lines, again the secret line.
  const redactedSecret = redactText(`${secretLine}\n`).text;
  assert.ok(!redactedSecret.includes(TOKEN));
  const h = createHash('sha256');
  h.update(redactedSecret);
  const block = Buffer.from(`${line}\n`.repeat(10000));
  for (let left = count; left > 0; left -= 10000) h.update(left >= 10000 ? block : block.subarray(0, left * (line.length + 1)));
  h.update(redactedSecret);
  const size = 2 * Buffer.byteLength(redactedSecret) + count * (line.length + 1);
  assert.equal(fs.statSync(outputFile).size, size);
  assert.equal(r.outputBytes, size);
  assert.equal(await fileHash(outputFile), h.digest('hex'));
  assert.equal(r.redactions['github-token'], 2);
  assert.ok(r.truncated && Buffer.byteLength(r.output) < 70 * 1024, 'the capture stays bounded');
});

test('progress is reported while a run prints, throttled, ending with the whole size', async () => {
  const seen: { bytes: number; elapsedMs: number }[] = [];
  const r = await runProcess({
    command: 'for i in 1 2 3 4 5 6; do yes progress-line | head -c 1000000; sleep 0.1; done',
    progressEveryMs: 200,
    onProgress: (p) => seen.push(p),
  });
  assert.ok(seen.length >= 2, `${seen.length} progress reports`);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i].bytes >= seen[i - 1].bytes);
  // All but the final report are at least the interval apart.
  for (let i = 1; i < seen.length - 1; i++) assert.ok(seen[i].elapsedMs - seen[i - 1].elapsedMs >= 200, JSON.stringify(seen));
  assert.equal(seen.at(-1)!.bytes, r.outputBytes);
});

/** Every file under `dir`, however deep. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

test('SIGKILL of the CLI mid-run leaves no file holding unredacted output, in the incident folder or the temp folder', async () => {
  const cli = await bundleCli(path.join(tmp, 'cli'));
  const tempDir = fs.mkdtempSync(path.join(tmp, 'TMPDIR-'));
  const incident = path.join(tmp, 'incident');
  const runbook = path.join(tmp, 'leak.md');
  // The block prints the secret among plenty of other output, then keeps going.
  fs.writeFileSync(runbook, `# Leak\n\n\`\`\`bash\necho "pid=$$"\nfor i in $(seq 1 200000); do echo "line $i token: ${TOKEN}"; echo "plain $i"; done\nsleep 30\n\`\`\`\n`);
  const child = spawn(process.execPath, [cli, 'run', runbook, '--block', '1', '--incident', incident], { env: { ...process.env, TMPDIR: tempDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let blockPid = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no output in time: ${out.slice(0, 200)}`)), 60_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      blockPid ||= Number(/pid=(\d+)/.exec(out)?.[1] ?? 0);
      // Mid-run: the block has printed the secret many times and the output file is being written.
      if (blockPid && out.length > 200_000) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const closed = new Promise((r) => child.once('close', r));
  child.kill('SIGKILL');
  await closed;
  // The block has its own process group and outlives the CLI: end it.
  if (blockPid) signalGroup(blockPid, 'SIGKILL');
  const files = [...filesUnder(incident), ...filesUnder(tempDir)];
  assert.ok(files.some((f) => f.includes(`${path.sep}outputs${path.sep}`)), `the output file was being written: ${files.join(', ')}`);
  const leaking = files.filter((f) => fs.readFileSync(f, 'latin1').includes(TOKEN.slice(4)));
  assert.deepEqual(leaking, []);
});

test('a slow reader of the CLI\'s stdout holds the block back; none of the output is lost', async () => {
  const cli = await bundleCli(path.join(tmp, 'cli-slow'));
  const incident = path.join(tmp, 'incident-slow');
  const runbook = path.join(tmp, 'slow.md');
  const bytes = 64 * 1024 * 1024;
  fs.writeFileSync(runbook, `# Slow\n\n\`\`\`bash\nyes slow-reader-line | head -c ${bytes}\n\`\`\`\n`);
  const child = spawn(process.execPath, [cli, 'run', runbook, '--block', '1', '--incident', incident], { stdio: ['ignore', 'pipe', 'pipe'] });
  const outputs = path.join(incident, 'outputs');
  const recorded = () => (fs.existsSync(outputs) ? fs.readdirSync(outputs).reduce((n, f) => n + fs.statSync(path.join(outputs, f)).size, 0) : 0);
  try {
    // Nothing reads our stdout: the output file must stop growing well short of the whole output
    // (without backpressure the CLI queues all 64 MiB in memory and the file gets all of it).
    child.stdout.pause();
    let size = -1;
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const now = recorded();
      if (now > 0 && now === size) break;
      size = now;
    }
    assert.ok(size > 0 && size < 16 * 1024 * 1024, `recorded ${size} bytes while stdout was not read`);
    let read = 0;
    child.stdout.on('data', (b: Buffer) => { read += b.length; });
    child.stdout.resume();
    const code = await new Promise<number | null>((r) => child.once('close', r));
    assert.equal(code, 0);
    assert.equal(read, bytes);
    assert.equal(recorded(), bytes);
  } finally {
    child.kill('SIGKILL');
  }
});
