import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { draftPostmortem } from '../../src/core/incident/draftPostmortem';
import { startIncident } from '../../src/core/incident/lifecycle';
import type { Figure, FigureResult } from '../figure';
import { wideSpread } from '../figure';
import { timePair } from '../measure';
import { sampleEntries } from './timelineAppend';

export const postmortem: Figure = {
  id: 'postmortem-10k',
  async run(): Promise<FigureResult> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-pm-'));
    const { dir } = await startIncident(root, { title: 'Checkout 500s', severity: 'P1', commander: 'oncall' });
    // Written in one go: this figure times the draft, not the appends.
    const file = path.join(dir, 'timeline.jsonl');
    fs.appendFileSync(file, sampleEntries(10_000).map((e) => JSON.stringify(e) + '\n').join(''));
    let lines = 0;
    const [ours, base] = await timePair(
      () => draftPostmortem(dir),
      async () => {
        const text = await fsp.readFile(file, 'utf8');
        lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown).length;
      },
      // Collected before each run: else the draft's promoted entries were marked during the baseline's run.
      { warmup: 1, runs: 7, collect: true },
    );
    if (lines < 10_000) throw new Error(`parsed ${lines} lines`);
    fs.rmSync(root, { recursive: true, force: true });
    const ratio = ours.median / base.median;
    return {
      id: this.id,
      figure: 'A post-mortem draft from 10,000 entries',
      baseline: 'reading and parsing timeline.jsonl',
      value: ours.median, baselineValue: base.median, unit: 'ms', ratio,
      target: '≤ 2×', met: ratio <= 2, spread: wideSpread(ours, base),
    };
  },
};
