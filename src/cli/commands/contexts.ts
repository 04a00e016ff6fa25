import { listContexts } from '../../core/kube/contexts';
import { isKubeError } from '../../core/kube/kubeError';
import { kubeconfigSource } from '../../core/kube/kubeconfigPaths';
import { loadKubeconfig } from '../../core/kube/mergeKubeconfig';
import { parseCommandArgs, withUsageErrors } from '../args';

export const help = `Usage: runbook-lens contexts [--kubeconfig PATH]... [--json]

List the Kubernetes contexts of the kubeconfig files, merged the way kubectl merges them:
--kubeconfig files if given, else every file in KUBECONFIG (the first file's current-context
wins), else ~/.kube/config. The files are only read, never changed.

Options:
  --kubeconfig PATH  Read this kubeconfig file (repeat for several) instead of KUBECONFIG.
  --json             Print {files, missing, currentContext, contexts:[{name, cluster, user,
                     namespace, effectiveNamespace, server, current, simulated, file}]}:
                     namespace is what the file says ("" when it sets none, as kubectl shows
                     it), effectiveNamespace the one commands use (then "default").
  -h, --help         Show this help.

Exit status: 0; 1 when a kubeconfig file is malformed or unreadable; 2 for bad arguments.`;

export async function run(argv: string[]): Promise<number> {
  return withUsageErrors('contexts', async () => {
    const { values } = parseCommandArgs(argv, { kubeconfig: { type: 'string', multiple: true }, json: { type: 'boolean' } } as const, { min: 0, max: 0, names: '' });
    let merged;
    try {
      merged = loadKubeconfig(kubeconfigSource({ explicit: values.kubeconfig }));
    } catch (err) {
      if (!isKubeError(err)) throw err;
      process.stderr.write(`runbook-lens contexts: ${err.message}\n`);
      return 1;
    }
    const contexts = listContexts(merged);
    if (values.json) {
      process.stdout.write(JSON.stringify({ files: merged.files, missing: merged.missing, currentContext: merged.currentContext ?? null, contexts }, null, 2) + '\n');
      return 0;
    }
    if (contexts.length === 0) {
      process.stdout.write(`No contexts (read: ${merged.files.join(', ') || 'no kubeconfig file found'}).\n`);
      return 0;
    }
    const w = Math.max(...contexts.map((c) => c.name.length), 4);
    const cw = Math.max(...contexts.map((c) => c.cluster.length), 7);
    process.stdout.write(`CURRENT   ${'NAME'.padEnd(w)}  ${'CLUSTER'.padEnd(cw)}  NAMESPACE  SERVER\n`);
    for (const c of contexts) {
      process.stdout.write(`${c.current ? '*' : ' '}         ${c.name.padEnd(w)}  ${c.cluster.padEnd(cw)}  ${c.namespace.padEnd(9)}  ${c.server ?? '(cluster not defined)'}\n`);
    }
    return 0;
  });
}
