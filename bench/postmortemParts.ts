// Where a post-mortem draft's time goes beyond its baseline: the draft, its first step alone
// (reading, validating and folding the timeline) and the baseline (read and JSON.parse every
// line), each timed in a loop with a full GC before every run and the GC time inside it counted.
//   node --import tsx bench/postmortemParts.ts [draft|read|base] [--runs N]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArgs } from 'node:util';
import { draftPostmortem } from '../src/core/incident/draftPostmortem';
import { readIncident } from '../src/core/incident/incidentStore';
import { startIncident } from '../src/core/incident/lifecycle';
import { readTimeline } from '../src/core/incident/timeline';
import { sampleEntries } from './figures/timelineAppend';
import { summarize } from './measure';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '15' } } });
const part = positionals[0] ?? 'draft';
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
let gcMs = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-pm-parts-'));
  try {
    const { dir } = await startIncident(root, { title: 'Checkout 500s', severity: 'P1', commander: 'oncall' });
    const file = path.join(dir, 'timeline.jsonl');
    fs.appendFileSync(file, sampleEntries(10_000).map((e) => JSON.stringify(e) + '\n').join(''));
    const once = async (): Promise<void> => {
      if (part === 'draft') await draftPostmortem(dir);
      else if (part === 'read') await readIncident(dir, (await readTimeline(dir)).entries);
      else fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
    };
    for (let i = 0; i < 3; i++) await once();
    const ms: number[] = [];
    const gcs: number[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      gc();
      await new Promise((r) => setTimeout(r, 5));
      gcMs = 0;
      const t0 = performance.now();
      await once();
      ms.push(performance.now() - t0);
      // The observer reports on a later tick.
      await new Promise((r) => setTimeout(r, 0));
      gcs.push(gcMs);
    }
    console.log(`${part}: median ${summarize(ms).median.toFixed(1)} ms, of which GC ${summarize(gcs).median.toFixed(1)} ms (${ms.length} runs)`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
