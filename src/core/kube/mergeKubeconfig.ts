import * as fs from 'node:fs';
import type { KubeconfigSource } from './kubeconfigPaths';
import { readKubeconfigFile, type NamedEntry } from './kubeconfigFile';

/** Several kubeconfig files seen as one, the way kubectl merges them. */
export interface MergedKubeconfig {
  /** Files actually read, in precedence order. */
  files: string[];
  /** Files that were listed but do not exist (skipped, like kubectl does for KUBECONFIG). */
  missing: string[];
  currentContext?: string;
  clusters: Map<string, NamedEntry>;
  users: Map<string, NamedEntry>;
  contexts: Map<string, NamedEntry>;
}

/**
 * Reads and merges kubeconfig files: the first file that sets current-context wins, and the
 * first file that defines a cluster, user or context name wins. Missing KUBECONFIG entries are
 * skipped (kubectl does the same); a missing explicit file is an error.
 */
export function loadKubeconfig(source: KubeconfigSource): MergedKubeconfig {
  const merged: MergedKubeconfig = { files: [], missing: [], clusters: new Map(), users: new Map(), contexts: new Map() };
  for (const file of source.files) {
    if (source.origin !== 'explicit' && !fs.existsSync(file)) {
      merged.missing.push(file);
      continue;
    }
    const parsed = readKubeconfigFile(file);
    merged.files.push(file);
    merged.currentContext ??= parsed.currentContext;
    for (const section of ['clusters', 'users', 'contexts'] as const) {
      for (const entry of parsed[section]) if (!merged[section].has(entry.name)) merged[section].set(entry.name, entry);
    }
  }
  return merged;
}
