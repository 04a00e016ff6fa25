import { isKubeError } from '../core/kube/kubeError';
import { loadTarget } from '../core/kube/loadTarget';
import { loadKubeconfig, type MergedKubeconfig } from '../core/kube/mergeKubeconfig';
import { kubeconfigSource } from '../core/kube/kubeconfigPaths';
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

export const retargetHelp = `  --retarget        Run on --context/--namespace although the incident is pinned to another
                     target: the incident is re-pinned to it, and a note records the change.
                     Without it a run on another target than the incident's is refused (exit 2).`;

/**
 * The target the flags ask for, for a run recorded in an incident pinned to `pinned`: without
 * --context, the pinned context is meant (with --namespace, another namespace of it).
 */
export function runTargetFromFlags(values: { context?: string; namespace?: string; kubeconfig?: string[] }, pinned: KubeTarget | null): CliTarget | undefined {
  const context = values.context ?? (pinned && (values.namespace || values.kubeconfig?.length) ? pinned.context : undefined);
  return targetFromFlags({ ...values, context });
}

/** The kubeconfig files the flags name (else KUBECONFIG, ~/.kube/config), read when a run needs them. */
export function kubeconfigFromFlags(values: { kubeconfig?: string[] }): MergedKubeconfig {
  try {
    return loadKubeconfig(kubeconfigSource({ explicit: values.kubeconfig }));
  } catch (err) {
    if (isKubeError(err)) throw new UsageError(err.message);
    throw err;
  }
}

/** What a block with no target talks to: the kubeconfig's current context, or null. */
export function ambientTarget(values: { kubeconfig?: string[] }): KubeTarget | null {
  try {
    return loadTarget({ kubeconfig: values.kubeconfig }).target;
  } catch {
    return null;
  }
}
