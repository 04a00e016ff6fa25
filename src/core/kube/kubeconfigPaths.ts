import * as os from 'node:os';
import * as path from 'node:path';

export interface KubeconfigSource {
  /** Files in precedence order (first wins), as kubectl reads them. */
  files: string[];
  /** Where the list came from; explicit lists must exist, KUBECONFIG entries may be missing. */
  origin: 'explicit' | 'KUBECONFIG' | 'default';
}

/**
 * Which kubeconfig files to read, with kubectl's rules: an explicit list (flag or setting)
 * wins, then every path in KUBECONFIG (empty entries skipped, duplicates once), then
 * ~/.kube/config.
 */
export function kubeconfigSource(options: { explicit?: string[]; env?: NodeJS.ProcessEnv; home?: string } = {}): KubeconfigSource {
  const explicit = (options.explicit ?? []).filter((f) => f.trim() !== '');
  if (explicit.length > 0) return { files: unique(explicit.map((f) => path.resolve(f))), origin: 'explicit' };
  const env = options.env ?? process.env;
  const fromEnv = (env.KUBECONFIG ?? '').split(path.delimiter).filter((f) => f !== '');
  if (fromEnv.length > 0) return { files: unique(fromEnv.map((f) => path.resolve(f))), origin: 'KUBECONFIG' };
  return { files: [path.join(options.home ?? os.homedir(), '.kube', 'config')], origin: 'default' };
}

function unique(files: string[]): string[] {
  return [...new Set(files)];
}
