import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseRunbook } from '../../../../src/core/runbook/parse';
import { ensureIncidentDir } from '../../../../src/core/incident/incidentStore';
import type { KubeTarget } from '../../../../src/core/kube/types';
import type { RunRequest } from '../../../../src/core/run';
import type { RunbookBlock } from '../../../../src/core/runbook/types';

export const A: KubeTarget = { context: 'staging-a', cluster: 'c-a', namespace: 'photon' };
export const B: KubeTarget = { context: 'staging-b', cluster: 'c-b', namespace: 'photon' };
export const PROD: KubeTarget = { context: 'prod-eu', cluster: 'c-p', namespace: 'photon' };

export function tmpDir(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-run-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The runbook's blocks, written to `dir/runbook.md` so relative cwd attributes resolve. */
export function blocksOf(dir: string, markdown: string): { runbookPath: string; blocks: RunbookBlock[] } {
  const runbookPath = path.join(dir, 'runbook.md');
  fs.writeFileSync(runbookPath, markdown);
  return { runbookPath, blocks: parseRunbook(markdown).blocks };
}

export async function incident(dir: string, target: KubeTarget | null = null): Promise<string> {
  const inc = path.join(dir, 'inc');
  await ensureIncidentDir(inc, { title: 'test', target });
  return inc;
}

export function request(runbookPath: string, block: RunbookBlock, more: Partial<RunRequest> = {}): RunRequest {
  return { runbookPath, runbookRel: 'runbook.md', block, actor: 'tester', ...more };
}

export const fence = (info: string, code: string): string => `# Ops\n\n\`\`\`${info}\n${code}\n\`\`\`\n`;
