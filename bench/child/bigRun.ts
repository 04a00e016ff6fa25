// Runs one block writing N bytes through runAndRecord and prints peak RSS and wall time as JSON.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAndRecord } from '../../src/core/exec/recordRun';
import { parseRunbook } from '../../src/core/runbook/parse';

async function main(): Promise<void> {
  const [command] = process.argv.slice(2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-'));
  const block = parseRunbook('# Bench\n\n```bash\n' + command + '\n```\n').blocks[0];
  const t0 = process.hrtime.bigint();
  const entry = await runAndRecord({ incidentDir: dir, runbookPath: path.join(dir, 'bench.md'), runbookRel: 'bench.md', block, code: block.code });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const size = fs.statSync(path.join(dir, entry.outputFile ?? '')).size;
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, outputBytes: size, exitCode: entry.exitCode }) + '\n');
}
void main();
