import type { ServiceProxy } from './startServiceProxy';
import type { ServicePort } from './serviceLookup';

/** Service names Prometheus is commonly installed under (plain, OpenShift, operator, kube-prometheus-stack). */
export const PROMETHEUS_SERVICE_NAMES = ['prometheus', 'prometheus-k8s', 'prometheus-operated', 'kube-prometheus-stack-prometheus'];
/** Namespaces searched after the target's own. */
export const PROMETHEUS_NAMESPACES = ['monitoring', 'openshift-monitoring', 'prometheus'];

export interface PrometheusCandidate {
  /** `NS/NAME:PORT`, as serviceCalls names it. */
  service: string;
  /** The in-cluster URL, reached through the run's proxy. */
  baseUrl: string;
}

/**
 * The Prometheus Services of the target cluster, in search order: each name in the target
 * namespace, then in monitoring, openshift-monitoring and prometheus. Looked up in parallel,
 * through the proxy's per-run cache.
 */
export async function prometheusCandidates(proxy: Pick<ServiceProxy, 'serviceFor'>, targetNamespace: string): Promise<PrometheusCandidate[]> {
  const namespaces = [...new Set([targetNamespace, ...PROMETHEUS_NAMESPACES])];
  const refs = namespaces.flatMap((ns) => PROMETHEUS_SERVICE_NAMES.map((name) => ({ ns, name })));
  const found = await Promise.all(refs.map((r) => proxy.serviceFor(`${r.name}.${r.ns}`)));
  const out: PrometheusCandidate[] = [];
  for (const svc of found) {
    const port = webPort(svc?.ports ?? []);
    if (!svc || !port) continue;
    const https = /https/i.test(port.name ?? '');
    out.push({ service: `${svc.namespace}/${https ? 'https:' : ''}${svc.name}:${port.port}`, baseUrl: `${https ? 'https' : 'http'}://${svc.name}.${svc.namespace}:${port.port}` });
  }
  return out;
}

/** The port Prometheus' web API is on: named web/http, else 9090, else the only one. */
function webPort(ports: ServicePort[]): ServicePort | undefined {
  return ports.find((p) => /^(web|http|http-web)$/i.test(p.name ?? '')) ?? ports.find((p) => p.port === 9090) ?? (ports.length === 1 ? ports[0] : undefined);
}
