import { serviceProxyWanted } from '../../runbook/attributes';
import type { PreparedRun, ScopeStep } from '../../run/types';
import type { MergedKubeconfig } from '../mergeKubeconfig';
import { serviceProxyScope } from './runProxy';

/**
 * The in-cluster address proxy as a scope step of the run pipeline: for a run with a target,
 * unless the caller turned it off (setting, --no-service-proxy) or the block did
 * ({ serviceProxy=false }). It is stopped with the run's other scope steps.
 */
export function serviceProxyStep(kubeconfig: () => MergedKubeconfig, enabled: boolean): ScopeStep {
  return {
    name: 'service-proxy',
    apply: async (run: PreparedRun) => {
      if (!enabled || !run.target || !serviceProxyWanted(run.block.attributes)) return undefined;
      const s = await serviceProxyScope(kubeconfig(), run.target, true, run.secrets);
      // The proxy's token is a credential of this run: masked like a secret placeholder value
      // wherever the block prints it (the run's output is redacted with run.secrets).
      if (s.proxy) run.secrets.push(s.proxy.token);
      return { env: s.env, dispose: s.dispose, entryFields: s.entryFields, notes: s.notes };
    },
  };
}
