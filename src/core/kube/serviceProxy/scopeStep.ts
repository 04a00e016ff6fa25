import { serviceProxyWanted } from '../../runbook/attributes';
import type { PreparedRun, ScopeStep } from '../../run/types';
import type { KubeTarget } from '../types';
import type { ServiceProxyScope } from './runProxy';
import { curlGlobOff } from './curlGlobOff';

/** Starts the proxy for one run on `target` (the CLI from its kubeconfig, the editor from its target service). */
export type StartServiceProxy = (target: KubeTarget, secrets: string[]) => Promise<ServiceProxyScope>;

/**
 * The in-cluster address proxy as a scope step of the run pipeline: for a run with a target,
 * unless the caller turned it off (setting, --no-service-proxy) or the block did
 * ({ serviceProxy=false }). It is stopped with the run's other scope steps.
 */
export function serviceProxyStep(start: StartServiceProxy, enabled: boolean): ScopeStep {
  return {
    name: 'service-proxy',
    apply: async (run: PreparedRun) => {
      if (!enabled || !run.target || !serviceProxyWanted(run.block.attributes)) return undefined;
      const s = await start(run.target, run.secrets);
      // The proxy's token is a credential of this run: masked like a secret placeholder value
      // wherever the block prints it (the run's output is redacted with run.secrets).
      if (s.proxy) run.secrets.push(s.proxy.token);
      const curl = s.proxy ? await curlGlobOff().catch(() => undefined) : undefined;
      const dispose = async () => {
        await curl?.dispose().catch(() => undefined);
        await s.dispose();
      };
      return { env: { ...s.env, ...(curl?.env ?? {}) }, dispose, entryFields: s.entryFields, notes: s.notes };
    },
  };
}
