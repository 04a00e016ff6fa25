/**
 * `npm run bench [-- --json] [-- --only id,id]`: one line per figure, each a ratio against a
 * baseline measured in the same run. Benchmarks report; they never fail the build.
 */
import * as os from 'node:os';
import { teamJoin, teamLatency, teamSync10k } from './figures/teamSync';
import type { Figure, FigureResult } from './figure';
import { lensesCold, lensesWarm } from './figures/codeLens';
import { bigOutputInProcess, bigOutputMemory, bigOutputNodeFloor, bigOutputNodeFloorPipe, bigOutputPipe, bigOutputTime } from './figures/bigOutput';
import { trueBlock } from './figures/trueBlock';
import { timelineAppend } from './figures/timelineAppend';
import { postmortem } from './figures/postmortem';
import { activation } from './figures/activation';
import { vsixSize } from './figures/vsixSize';
import { podListing } from './figures/podListing';
import { serviceProxyGet } from './figures/serviceProxy';
import { cliFirstOutput } from './figures/cliFirstOutput';
import { editorFirstOutput, editorLensDuringRun, editorLoopDelay } from './figures/editorHost';

const figures: Figure[] = [lensesCold, lensesWarm, bigOutputTime, bigOutputMemory, bigOutputPipe, bigOutputNodeFloor, bigOutputNodeFloorPipe, bigOutputInProcess, trueBlock, timelineAppend, postmortem, podListing, serviceProxyGet, activation, vsixSize];
figures.push(teamLatency, teamSync10k, teamJoin);
figures.push(editorLoopDelay, editorLensDuringRun, editorFirstOutput, cliFirstOutput);

function line(r: FigureResult): string {
  const ratio = r.ratio === null ? '' : r.id === 'codelens-unchanged' ? `${(r.ratio * 100).toFixed(3)}%` : `${r.ratio.toFixed(2)}×`;
  const spread = r.spread ? ` (spread ${(r.spread * 100).toFixed(0)}%)` : '';
  const note = r.note ? `; ${r.note}` : '';
  return `${r.met ? '✓' : '✗'} ${r.figure}: ${ratio} — ${r.value.toFixed(2)} ${r.unit} vs ${r.baselineValue.toFixed(2)} ${r.unit} (${r.baseline})${spread}${note}; target ${r.target}`;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : undefined;
  const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  if (!json) console.log(`Runbook Lens benchmarks on ${machine}`);
  const results: (FigureResult | { id: string; error: string })[] = [];
  for (const f of figures) {
    if (only && !only.has(f.id)) continue;
    try {
      const r = await f.run();
      results.push(r);
      if (!json) console.log(line(r));
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      results.push({ id: f.id, error });
      if (!json) console.log(`! ${f.id}: could not be measured: ${error}`);
    }
  }
  if (json) console.log(JSON.stringify({ machine, results }, null, 2));
}

void main();
