import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendEntry, newEntryId, readTimeline } from '../../src/core/incident/timeline';
import type { TimelineEntry } from '../../src/core/incident/types';
import type { Figure, FigureResult } from '../figure';
import { ratioFigure } from '../figure';
import { timePair } from '../measure';

export function sampleEntries(n: number): TimelineEntry[] {
  const start = Date.parse('2026-11-27T10:00:00Z');
  return Array.from({ length: n }, (_, i) => ({
    id: newEntryId(new Date(start + i * 1000)),
    time: new Date(start + i * 1000).toISOString(),
    kind: 'command' as const,
    actor: 'oncall',
    runbook: 'examples/incident-response.md',
    block: (i % 17) + 1,
    line: 48,
    section: ['Incident Response Runbook', 'P0 Critical Incident Response'],
    command: 'kubectl get pods -n photon-mlir --show-labels',
    target: { context: 'demo-prod', cluster: 'demo-prod', namespace: 'photon-mlir' },
    exitCode: i % 9 === 0 ? 1 : 0,
    signal: null,
    durationMs: 120 + (i % 50),
    output: 'NAME READY STATUS\nphoton-compiler-7d9f 1/1 Running\n',
    outputFile: `outputs/${i}.log`,
    truncated: false,
    redactions: {},
    status: i % 9 === 0 ? 'failed' : 'ok',
  }));
}

export const timelineAppend: Figure = {
  id: 'timeline-10k',
  async run(): Promise<FigureResult> {
    const entries = sampleEntries(10_000);
    const lines = entries.map((e) => JSON.stringify(e) + '\n');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-tl-'));
    let n = 0;
    const [ours, base] = await timePair(
      async () => {
        const dir = path.join(root, `ours-${n++}`);
        await fsp.mkdir(dir);
        for (const e of entries) await appendEntry(dir, e);
        const read = await readTimeline(dir);
        if (read.entries.length !== entries.length) throw new Error(`loaded ${read.entries.length} of ${entries.length}`);
      },
      async () => {
        const file = path.join(root, `base-${n++}.jsonl`);
        for (const l of lines) await fsp.appendFile(file, l);
      },
      { warmup: 1, runs: 3 },
    );
    fs.rmSync(root, { recursive: true, force: true });
    return ratioFigure({ id: this.id, figure: '10,000 timeline appends, then loading them', baseline: 'appending the same bytes with fs.appendFile', limit: 2 }, ours, base);
  },
};
