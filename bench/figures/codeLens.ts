import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { RunbookCache } from '../../src/core/runbook/runbookCache';
import { shellBlockLenses } from '../../src/core/runbook/lensModel';
import type { Figure, FigureResult } from '../figure';
import { wideSpread } from '../figure';
import { timeIt, timePair } from '../measure';

const REFERENCE = path.resolve(__dirname, '../../examples/incident-response.md');
const inputs = { isRunning: () => false, lastResult: () => undefined };

function bigRunbook(bytes: number): string {
  const one = fs.readFileSync(REFERENCE, 'utf8');
  return one.repeat(Math.ceil(bytes / Buffer.byteLength(one)));
}

let text: string | undefined;
let coldMedian = 0;
const doc = () => (text ??= bigRunbook(5 * 1024 * 1024));

export const lensesCold: Figure = {
  id: 'codelens-cold',
  async run(): Promise<FigureResult> {
    const t = doc();
    const md = new MarkdownIt();
    let version = 0;
    const [ours, base] = await timePair(
      () => shellBlockLenses(new RunbookCache().get('doc', ++version, () => t), inputs),
      () => md.parse(t, {}),
      // Collected before each run: both sides leave ~100 MB of tokens for the other's run to collect.
      { warmup: 1, runs: 7, collect: true },
    );
    coldMedian = ours.median;
    const ratio = ours.median / base.median;
    return {
      id: this.id,
      figure: `CodeLenses for a ${(Buffer.byteLength(t) / 1048576).toFixed(1)} MB runbook, cold`,
      baseline: 'markdown-it parsing the same text',
      value: ours.median, baselineValue: base.median, unit: 'ms', ratio,
      target: '≤ 1.3×', met: ratio <= 1.3, spread: wideSpread(ours, base),
    };
  },
};

export const lensesWarm: Figure = {
  id: 'codelens-unchanged',
  async run(): Promise<FigureResult> {
    const t = doc();
    const cache = new RunbookCache();
    cache.get('doc', 1, () => t);
    const warm = await timeIt(() => shellBlockLenses(cache.get('doc', 1, () => t), inputs), { warmup: 3, runs: 21 });
    const ratio = warm.median / coldMedian;
    return {
      id: this.id,
      figure: 'CodeLenses for the same document again, unchanged',
      baseline: 'its cold time',
      value: warm.median, baselineValue: coldMedian, unit: 'ms', ratio,
      target: '≤ 1%', met: ratio <= 0.01,
    };
  },
};
