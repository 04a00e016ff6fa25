import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './paths';

/** A fresh temporary folder; removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `runbook-lens-${prefix}-`));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A throwaway workspace: the example runbooks at its root (as a user would have them)
 * plus the test fixtures under fixtures/.
 */
export function makeWorkspace(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true });
  const fixtures = path.join(repoRoot, 'test/fixtures/workspace');
  if (fs.existsSync(fixtures)) fs.cpSync(fixtures, path.join(dir, 'fixtures'), { recursive: true });
  return dir;
}
