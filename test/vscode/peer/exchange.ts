// Files through which two editors' suites hand over steps (teamTwoEditors.test.ts and
// peer/teamWatcher.ts): each is written once, whole, by one side and polled by the other.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The peer joined the incident and watches its view. */
export interface Ready { dir: string; at: number }
/** The first editor's run: its entry id, the runbook it ran (relative to the clone) and when the run returned. */
export interface Ran { id: string; runbook: string; returnedAt: number }
/** When the peer's Incident view first listed the run's result, and what the row said. */
export interface Seen { id: string; seenAt: number; label: string; tooltip: string; lens?: string }

export function writeStep(dir: string, name: 'ready' | 'ran' | 'seen', value: Ready | Ran | Seen): void {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value));
  fs.renameSync(`${file}.tmp`, file);
}

export function readStep<T>(dir: string, name: 'ready' | 'ran' | 'seen'): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
}
