import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { nodeBundle } from '../../scripts/esbuildOptions.cjs';
import type { Figure, FigureResult } from '../figure';
import { wideSpread } from '../figure';
import { summarize } from '../measure';

const ROOT = path.resolve(__dirname, '../..');
const child = path.resolve(__dirname, '../child/activate.cjs');

function once(mode: string): number {
  return JSON.parse(execFileSync(process.execPath, [child, mode], { encoding: 'utf8', cwd: ROOT }).trim()).ms;
}

/** Packages whose code runs at activation: reachable from the entry through static imports only. */
async function eagerPackages(names: string[]): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/extension/extension.ts')],
    ...nodeBundle, write: false, metafile: true, logLevel: 'silent', absWorkingDir: ROOT,
  });
  const inputs = result.metafile.inputs;
  const seen = new Set<string>();
  const stack = Object.keys(inputs).filter((k) => k.endsWith('src/extension/extension.ts'));
  while (stack.length) {
    const cur = stack.pop()!;
    if (seen.has(cur)) continue;
    seen.add(cur);
    for (const imp of inputs[cur]?.imports ?? []) if (imp.kind !== 'dynamic-import' && !imp.external) stack.push(imp.path);
  }
  return names.filter((n) => [...seen].some((f) => f.includes(`node_modules/${n}/`)));
}

export const activation: Figure = {
  id: 'activation',
  async run(): Promise<FigureResult> {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < 15; i++) {
      base.push(once('baseline'));
      ours.push(once('extension'));
    }
    const so = summarize(ours.slice(1));
    const sb = summarize(base.slice(1));
    const more = so.median - sb.median;
    const eager = await eagerPackages(['@kubernetes/client-node', 'axios']);
    return {
      id: this.id,
      figure: 'Activating the extension (load dist/extension.js, then activate)',
      baseline: 'loading markdown-it alone',
      value: so.median, baselineValue: sb.median, unit: 'ms', ratio: so.median / sb.median,
      target: 'under 50 ms more; client-node and axios not loaded until used',
      met: more < 50 && eager.length === 0, spread: wideSpread(so, sb),
      note: `${more.toFixed(1)} ms more; ${eager.length ? `loaded at activation: ${eager.join(', ')}` : 'client-node and axios load lazily'}`,
    };
  },
};
