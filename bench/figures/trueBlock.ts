import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAndRecord } from '../../src/core/exec/recordRun';
import { parseRunbook } from '../../src/core/runbook/parse';
import type { Figure, FigureResult } from '../figure';
import { wideSpread } from '../figure';
import { timePair } from '../measure';

export const trueBlock: Figure = {
  id: 'true-block',
  async run(): Promise<FigureResult> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-true-'));
    const block = parseRunbook('# T\n\n```bash\ntrue\n```\n').blocks[0];
    const [ours, base] = await timePair(
      () => runAndRecord({ incidentDir: dir, runbookPath: path.join(dir, 'b.md'), runbookRel: 'b.md', block, code: 'true' }),
      () => new Promise<void>((resolve) => spawn('bash', ['-c', 'true']).on('close', () => resolve())),
      { warmup: 5, runs: 41 },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    const ratio = ours.median / base.median;
    const more = ours.median - base.median;
    return {
      id: this.id,
      figure: 'A `true` block, from Run to the timeline entry on disk',
      baseline: 'spawning bash -c true and waiting',
      value: ours.median, baselineValue: base.median, unit: 'ms', ratio,
      target: '≤ 1.5×, and under 15 ms more', met: ratio <= 1.5 && more < 15, spread: wideSpread(ours, base),
      note: `${more.toFixed(1)} ms more`,
    };
  },
};
