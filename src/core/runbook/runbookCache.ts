import { parseRunbook } from './parse';
import type { Runbook } from './types';

/** Parses each document version once; lenses, runs, diagnostics and views share the result. */
export class RunbookCache {
  private readonly cache = new Map<string, { version: number; runbook: Runbook }>();

  get(key: string, version: number, text: () => string): Runbook {
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit.runbook;
    const runbook = parseRunbook(text());
    this.cache.set(key, { version, runbook });
    return runbook;
  }

  forget(key: string): void {
    this.cache.delete(key);
  }
}
