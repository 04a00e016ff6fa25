import { isKubeError } from '../core/kube/kubeError';
import { loadTarget } from '../core/kube/loadTarget';
import type { MergedKubeconfig } from '../core/kube/mergeKubeconfig';
import { writeScopedKubeconfig } from '../core/kube/scopedKubeconfig';
import { serviceProxyScope } from '../core/kube/serviceProxy/runProxy';
import type { TimelineEntry } from '../core/incident/types';
import { sweepStaleScopedKubeconfigs } from '../core/kube/staleScoped';
import type { KubeTarget } from '../core/kube/types';
import { UsageError } from './args';

/** `--context`, `--namespace`, `--kubeconfig` of commands that run blocks. */
export const targetOptions = {
  context: { type: 'string' },
  namespace: { type: 'string' },
  kubeconfig: { type: 'string', multiple: true },
  'no-service-proxy': { type: 'boolean' },
} as const;

export const targetHelp = `  --context NAME     Run against this kubeconfig context (default: the current context
                     when --namespace or --kubeconfig is given). The block gets a scoped,
                     temporary KUBECONFIG holding only this context; your files are not changed.
  --namespace NS     Namespace for the run (default: the context's namespace, else default).
  --kubeconfig PATH  Read this kubeconfig file instead of KUBECONFIG (repeat for several).
  --no-service-proxy With a target, blocks get http_proxy/https_proxy pointing at a proxy on
                     127.0.0.1 for the run, so in-cluster addresses (http://prometheus:9090,
                     NAME.NS.svc.cluster.local) reach the Service through the API server.
                     This flag turns it off (a block can too: { serviceProxy=false }).`;

export interface CliTarget {
  merged: MergedKubeconfig;
  target: KubeTarget;
}

/** The target the flags ask for, or undefined when none is given (the block sees your own KUBECONFIG). */
export function targetFromFlags(values: { context?: string; namespace?: string; kubeconfig?: string[] }): CliTarget | undefined {
  // Every start of a run first removes scoped kubeconfigs left by runs that were killed.
  sweepStaleScopedKubeconfigs();
  if (!values.context && !values.namespace && !values.kubeconfig?.length) return undefined;
  try {
    return loadTarget({ kubeconfig: values.kubeconfig, context: values.context, namespace: values.namespace });
  } catch (err) {
    if (isKubeError(err)) throw new UsageError(err.message);
    throw err;
  }
}

/** Environment for one run on `t`: the scoped kubeconfig and the in-cluster address proxy; dispose removes both. */
export async function scopedRunEnv(t: CliTarget | undefined, options: { serviceProxy?: boolean } = {}): Promise<{ env: NodeJS.ProcessEnv | undefined; entryFields(): Partial<TimelineEntry>; notes(): string[]; dispose(): Promise<void> }> {
  if (!t) return { env: undefined, entryFields: () => ({}), notes: () => [], dispose: async () => undefined };
  const scoped = await writeScopedKubeconfig(t.merged, t.target);
  let proxy;
  try {
    proxy = await serviceProxyScope(t.merged, t.target, options.serviceProxy ?? true);
  } catch (err) {
    await scoped.dispose();
    throw err;
  }
  return {
    env: { ...process.env, ...scoped.env, ...proxy.env },
    entryFields: proxy.entryFields,
    notes: proxy.notes,
    dispose: async () => {
      await proxy.dispose();
      await scoped.dispose();
    },
  };
}
