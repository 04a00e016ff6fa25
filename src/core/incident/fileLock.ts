import * as fs from 'node:fs/promises';
import * as fsSync from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { processExists } from '../exec/processGroup';

/**
 * A lock file shared by processes on this machine (several VS Code windows, the CLI).
 * `open(path, 'wx')` is atomic; a holder that died is detected by its pid, and a lock older
 * than `staleMs` is broken so that nothing waits forever. Within one process, calls on the
 * same path are queued instead of spinning on the file.
 */
const queues = new Map<string, Promise<unknown>>();
const STALE_MS = 10_000;

export async function withFileLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  const lockPath = path.resolve(lockFile);
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const token = await acquire(lockPath);
    try {
      return await fn();
    } finally {
      await release(lockPath, token);
    }
  });
  queues.set(lockPath, run);
  try {
    return await run;
  } finally {
    if (queues.get(lockPath) === run) queues.delete(lockPath);
  }
}

async function acquire(lockPath: string): Promise<string> {
  const token = `${process.pid} ${os.hostname()} ${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    // Synchronous: three tiny calls, where async hops through the thread pool cost milliseconds on a busy machine.
    try {
      fsSync.writeFileSync(lockPath, token, { flag: 'wx' });
      return token;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const stale = await staleContent(lockPath);
    if (stale !== undefined) {
      await breakLock(lockPath, stale);
      continue;
    }
    // Holders keep the lock for a few milliseconds: poll often, with jitter.
    await new Promise((r) => setTimeout(r, Math.min(10, 1 + attempt / 4) * (0.5 + Math.random())));
  }
}

/** The content of the lock file when its holder is gone or it is too old; otherwise undefined. */
async function staleContent(lockPath: string): Promise<string | undefined> {
  try {
    const [content, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    if (Date.now() - stat.mtimeMs > STALE_MS) return content;
    const [pid, host] = content.split(' ');
    if (!pid || host !== os.hostname()) return undefined;
    return processExists(Number(pid)) ? undefined : content;
  } catch {
    return undefined;
  }
}

/** Moves the stale lock aside (atomic, one winner); puts it back if it was replaced meanwhile. */
async function breakLock(lockPath: string, stale: string): Promise<void> {
  const aside = `${lockPath}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return;
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => stale);
  if (moved !== stale) await fs.link(aside, lockPath).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

async function release(lockPath: string, token: string): Promise<void> {
  try {
    if (fsSync.readFileSync(lockPath, 'utf8') === token) fsSync.rmSync(lockPath, { force: true });
  } catch {
    // Already broken as stale by another process: nothing to release.
  }
}
