import type { KObject } from './objects';
import { shortAge } from '../../../src/core/kube/liveChoices';

/** Server-side printing: the `Table` kubectl asks for with `Accept: …;as=Table`. */
type Col = [name: string, type: string, priority: number, cell: (o: KObject) => unknown];

const age = (o: KObject): string => humanAge(o.metadata.creationTimestamp);
const anyOf = (o: KObject) => o as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COLUMNS: Record<string, Col[]> = {
  Pod: [
    ['Name', 'string', 0, (o) => o.metadata.name],
    ['Ready', 'string', 0, (o) => { const cs = anyOf(o).status?.containerStatuses ?? []; return `${cs.filter((c: { ready: boolean }) => c.ready).length}/${cs.length}`; }],
    // Like kubectl's printer: a waiting or terminated container's reason, else the phase.
    ['Status', 'string', 0, (o) => { const st = anyOf(o).status?.containerStatuses?.map((c: { state: { waiting?: { reason?: string }; terminated?: { reason?: string } } }) => c.state.waiting?.reason ?? c.state.terminated?.reason).find(Boolean); return st ?? anyOf(o).status?.phase; }],
    ['Restarts', 'string', 0, (o) => String((anyOf(o).status?.containerStatuses ?? []).reduce((n: number, c: { restartCount: number }) => n + c.restartCount, 0))],
    ['Age', 'string', 0, age],
    ['IP', 'string', 1, (o) => anyOf(o).status?.podIP ?? '<none>'],
    ['Node', 'string', 1, (o) => anyOf(o).spec?.nodeName ?? '<none>'],
    ['Nominated Node', 'string', 1, () => '<none>'],
    ['Readiness Gates', 'string', 1, () => '<none>'],
  ],
  Deployment: [
    ['Name', 'string', 0, (o) => o.metadata.name],
    ['Ready', 'string', 0, (o) => `${anyOf(o).status?.readyReplicas ?? 0}/${anyOf(o).spec?.replicas ?? 0}`],
    ['Up-to-date', 'integer', 0, (o) => anyOf(o).status?.updatedReplicas ?? 0],
    ['Available', 'integer', 0, (o) => anyOf(o).status?.availableReplicas ?? 0],
    ['Age', 'string', 0, age],
    ['Containers', 'string', 1, (o) => anyOf(o).spec.template.spec.containers.map((c: { name: string }) => c.name).join(',')],
    ['Images', 'string', 1, (o) => anyOf(o).spec.template.spec.containers.map((c: { image: string }) => c.image).join(',')],
    ['Selector', 'string', 1, (o) => Object.entries(anyOf(o).spec.selector.matchLabels).map(([k, v]) => `${k}=${v}`).join(',')],
  ],
  ReplicaSet: [
    ['Name', 'string', 0, (o) => o.metadata.name],
    ['Desired', 'integer', 0, (o) => anyOf(o).spec?.replicas ?? 0],
    ['Current', 'integer', 0, (o) => anyOf(o).status?.replicas ?? 0],
    ['Ready', 'integer', 0, (o) => anyOf(o).status?.readyReplicas ?? 0],
    ['Age', 'string', 0, age],
  ],
  Service: [
    ['Name', 'string', 0, (o) => o.metadata.name],
    ['Type', 'string', 0, (o) => anyOf(o).spec.type],
    ['Cluster-IP', 'string', 0, (o) => anyOf(o).spec.clusterIP],
    ['External-IP', 'string', 0, () => '<none>'],
    ['Port(s)', 'string', 0, (o) => anyOf(o).spec.ports.map((p: { port: number; protocol: string }) => `${p.port}/${p.protocol}`).join(',')],
    ['Age', 'string', 0, age],
    ['Selector', 'string', 1, (o) => Object.entries(anyOf(o).spec.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'],
  ],
  Node: [
    ['Name', 'string', 0, (o) => o.metadata.name],
    ['Status', 'string', 0, (o) => (anyOf(o).status.conditions.find((c: { type: string; status: string }) => c.type === 'Ready')?.status === 'True' ? 'Ready' : 'NotReady')],
    ['Roles', 'string', 0, (o) => Object.keys(o.metadata.labels ?? {}).filter((l) => l.startsWith('node-role.kubernetes.io/')).map((l) => l.split('/')[1]).join(',') || '<none>'],
    ['Age', 'string', 0, age],
    ['Version', 'string', 0, (o) => anyOf(o).status.nodeInfo.kubeletVersion],
    ['Internal-IP', 'string', 1, (o) => anyOf(o).status.addresses.find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '<none>'],
  ],
  Namespace: [
    ['Name', 'string', 0, (o) => o.metadata.name],
    ['Status', 'string', 0, (o) => anyOf(o).status?.phase ?? 'Active'],
    ['Age', 'string', 0, age],
  ],
  ConfigMap: [
    ['Name', 'string', 0, (o) => o.metadata.name],
    ['Data', 'integer', 0, (o) => Object.keys(anyOf(o).data ?? {}).length],
    ['Age', 'string', 0, age],
  ],
  Secret: [
    ['Name', 'string', 0, (o) => o.metadata.name],
    ['Type', 'string', 0, (o) => anyOf(o).type],
    ['Data', 'integer', 0, (o) => Object.keys(anyOf(o).data ?? {}).length],
    ['Age', 'string', 0, age],
  ],
  Event: [
    ['Last Seen', 'string', 0, (o) => humanAge(anyOf(o).lastTimestamp)],
    ['Type', 'string', 0, (o) => anyOf(o).type],
    ['Reason', 'string', 0, (o) => anyOf(o).reason],
    ['Object', 'string', 0, (o) => `${String(anyOf(o).involvedObject.kind).toLowerCase()}/${anyOf(o).involvedObject.name}`],
    ['Message', 'string', 0, (o) => anyOf(o).message],
  ],
};

const DEFAULT: Col[] = [['Name', 'string', 0, (o) => o.metadata.name], ['Age', 'string', 0, age]];

export function toTable(items: KObject[], kind: string, includeObject: string | null): unknown {
  const cols = COLUMNS[kind] ?? DEFAULT;
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '1' },
    columnDefinitions: cols.map(([name, type, priority]) => ({ name, type, format: name === 'Name' ? 'name' : '', description: name, priority })),
    rows: items.map((o) => ({
      cells: cols.map(([, , , cell]) => cell(o)),
      object: includeObject === 'Object' ? o : includeObject === 'None' ? undefined : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}

/** kubectl's short ages: 45s, 12m, 5h, 3d. */
export function humanAge(iso: unknown): string {
  return typeof iso === 'string' ? shortAge(Date.now() - Date.parse(iso)) : '<unknown>';
}
