import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SCOPED_DIR_PREFIX } from './scopedKubeconfig';

/**
 * Removes scoped kubeconfig directories left by processes that no longer run (killed
 * mid-run, crashed). Only our own directories of this user are touched. Returns what was removed.
 */
export function sweepStaleScopedKubeconfigs(tmpRoot: string = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(tmpRoot);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const m = new RegExp(`^${SCOPED_DIR_PREFIX}(\\d+)-`).exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    const dir = path.join(tmpRoot, name);
    try {
      const st = fs.lstatSync(dir);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Gone already or not ours: nothing to do.
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
