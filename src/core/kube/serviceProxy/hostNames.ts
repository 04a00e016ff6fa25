import * as net from 'node:net';

/** A Service a host name may stand for. Whether it exists is for a look-up to say. */
export interface ServiceRef {
  namespace: string;
  name: string;
}

export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

// Service names are DNS-1035 labels; namespaces DNS-1123 labels.
const SERVICE_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The Service that `host` would name inside the cluster, as a pod's resolver in the target
 * namespace reads it: `NAME`, `NAME.NS`, `NAME.NS.svc`, `NAME.NS.svc.<cluster domain>`.
 * undefined for IP addresses, `localhost` and names of any other shape.
 */
export function serviceRefOf(host: string, targetNamespace: string, clusterDomain = DEFAULT_CLUSTER_DOMAIN): ServiceRef | undefined {
  const h = host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (h === '' || net.isIP(h) || h === 'localhost') return undefined;
  const labels = h.split('.');
  const [name, ns, svc] = labels;
  if (!SERVICE_NAME.test(name)) return undefined;
  if (labels.length === 1) return { name, namespace: targetNamespace };
  if (!NAMESPACE.test(ns)) return undefined;
  if (labels.length === 2) return { name, namespace: ns };
  if (svc !== 'svc') return undefined;
  if (labels.length === 3 || labels.slice(3).join('.') === clusterDomain.toLowerCase().replace(/\.$/, '')) return { name, namespace: ns };
  return undefined;
}
