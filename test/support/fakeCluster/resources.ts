/** The resource types the fake API serves, described the way discovery describes them. */
export interface ResourceType {
  /** Plural, as in URLs. */
  name: string;
  singularName: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: { name: string; kind: string; group?: string; version?: string; verbs: string[] }[];
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const RESOURCE_TYPES: ResourceType[] = [
  { name: 'namespaces', singularName: 'namespace', kind: 'Namespace', group: '', version: 'v1', namespaced: false, shortNames: ['ns'] },
  { name: 'nodes', singularName: 'node', kind: 'Node', group: '', version: 'v1', namespaced: false, shortNames: ['no'] },
  {
    name: 'pods', singularName: 'pod', kind: 'Pod', group: '', version: 'v1', namespaced: true, shortNames: ['po'], categories: ['all'],
    subresources: [{ name: 'log', kind: 'Pod', verbs: ['get'] }, { name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] }],
  },
  { name: 'services', singularName: 'service', kind: 'Service', group: '', version: 'v1', namespaced: true, shortNames: ['svc'], categories: ['all'] },
  { name: 'configmaps', singularName: 'configmap', kind: 'ConfigMap', group: '', version: 'v1', namespaced: true, shortNames: ['cm'] },
  { name: 'secrets', singularName: 'secret', kind: 'Secret', group: '', version: 'v1', namespaced: true },
  { name: 'events', singularName: 'event', kind: 'Event', group: '', version: 'v1', namespaced: true, shortNames: ['ev'] },
  {
    name: 'deployments', singularName: 'deployment', kind: 'Deployment', group: 'apps', version: 'v1', namespaced: true, shortNames: ['deploy'], categories: ['all'],
    subresources: [{ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] }, { name: 'status', kind: 'Deployment', verbs: ['get'] }],
  },
  { name: 'replicasets', singularName: 'replicaset', kind: 'ReplicaSet', group: 'apps', version: 'v1', namespaced: true, shortNames: ['rs'], categories: ['all'] },
  { name: 'pods', singularName: '', kind: 'PodMetrics', group: 'metrics.k8s.io', version: 'v1beta1', namespaced: true },
  { name: 'nodes', singularName: '', kind: 'NodeMetrics', group: 'metrics.k8s.io', version: 'v1beta1', namespaced: false },
];

export function groupVersion(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

export function findType(group: string, version: string, name: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.name === name);
}

/** `/api/v1` and `/apis/<group>/<version>` resource lists. */
export function resourceList(group: string, version: string): unknown | undefined {
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const resources = types.flatMap((t) => [
    {
      name: t.name, singularName: t.singularName, namespaced: t.namespaced, kind: t.kind,
      verbs: t.group === 'metrics.k8s.io' ? ['get', 'list'] : VERBS,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
    },
    ...(t.subresources ?? []).map((s) => ({
      name: `${t.name}/${s.name}`, singularName: '', namespaced: t.namespaced, kind: s.kind, verbs: s.verbs,
      ...(s.group ? { group: s.group, version: s.version } : {}),
    })),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion({ group, version }), resources };
}

export function apiGroupList(): unknown {
  const groups = [...new Set(RESOURCE_TYPES.filter((t) => t.group).map((t) => `${t.group}/${t.version}`))].map((gv) => {
    const [name, version] = gv.split('/');
    return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
  });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}
