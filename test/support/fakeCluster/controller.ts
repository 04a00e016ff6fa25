import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { podMetrics, type KObject } from './objects';

/** The lists the controller changes, by resource (mutable, shared with the API's store). */
export interface ControllerStore {
  pods: KObject[];
  replicaSets: KObject[];
  podMetrics: KObject[];
}

type Template = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: { containers: { name: string; image: string }[]; nodeName?: string } };
type AnyObj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const revisionOf = (o: KObject) => Number(o.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
const ownedBy = (o: KObject, owner: KObject) => o.metadata.namespace === owner.metadata.namespace && !!o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid);
/** The template without the pod-template-hash label the controller adds, keys sorted, to compare revisions. */
const templateKey = (t: Template) => {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return canonical({ ...t, metadata: { ...t.metadata, labels } });
};
const canonical = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().filter((k) => (v as AnyObj)[k] !== undefined && (v as AnyObj)[k] !== null).map((k) => `${JSON.stringify(k)}:${canonical((v as AnyObj)[k])}`).join(',')}}`;
  return JSON.stringify(v);
};

/**
 * A small stand-in for the deployment and replica-set controllers, run after each write: a
 * changed pod template (`rollout restart`, `rollout undo`, `set image`, `patch`) gets a new
 * revision (or revives the old replica set with the same template) whose fresh pods replace
 * the old ones at once; a changed replica count adds or removes pods; a deleted pod is
 * replaced. New pods are Running and ready, and the status says the rollout is complete.
 */
export function reconcileDeployment(store: ControllerStore, dep: KObject, nodes: string[]): void {
  const spec = dep.spec as AnyObj;
  const template = spec.template as Template;
  const mine = store.replicaSets.filter((rs) => ownedBy(rs, dep));
  let current = mine.find((rs) => templateKey((rs.spec as AnyObj).template) === templateKey(template));
  const latest = mine.reduce((n, rs) => Math.max(n, revisionOf(rs)), 0);
  if (!current) {
    const hash = createHash('sha1').update(`${dep.metadata.uid}/${templateKey(template)}`).digest('hex').slice(0, 10);
    const labels = { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash };
    current = {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: {
        name: `${dep.metadata.name}-${hash}`, namespace: dep.metadata.namespace, uid: randomUUID(), resourceVersion: '1', creationTimestamp: now(), labels,
        annotations: { 'deployment.kubernetes.io/revision': String(latest + 1) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: dep.metadata.name, uid: dep.metadata.uid!, controller: true }],
      },
      spec: { replicas: 0, selector: { matchLabels: labels }, template: { ...structuredClone(template), metadata: { ...structuredClone(template.metadata ?? {}), labels } } },
      status: { replicas: 0 },
    };
    store.replicaSets.push(current);
  } else if (revisionOf(current) !== latest) {
    // `rollout undo`: the old replica set becomes the newest revision again.
    current.metadata.annotations = { ...current.metadata.annotations, 'deployment.kubernetes.io/revision': String(latest + 1) };
  }
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  for (const rs of mine.filter((r) => r !== current)) scaleReplicaSet(store, rs, 0, nodes);
  scaleReplicaSet(store, current, replicas, nodes);
  dep.metadata.annotations = { ...dep.metadata.annotations, 'deployment.kubernetes.io/revision': current.metadata.annotations!['deployment.kubernetes.io/revision'] };
  const ready = podsOf(store, current).filter(isReady).length;
  dep.status = {
    observedGeneration: dep.metadata.generation, replicas, updatedReplicas: replicas, readyReplicas: ready, availableReplicas: ready,
    ...(replicas - ready > 0 ? { unavailableReplicas: replicas - ready } : {}),
    conditions: [
      { type: 'Available', status: ready > 0 || replicas === 0 ? 'True' : 'False', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: now(), lastTransitionTime: now() },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${current.metadata.name}" has successfully progressed.`, lastUpdateTime: now(), lastTransitionTime: now() },
    ],
  };
}

function podsOf(store: ControllerStore, rs: KObject): KObject[] {
  return store.pods.filter((p) => ownedBy(p, rs));
}

function isReady(p: KObject): boolean {
  return ((p.status as AnyObj)?.containerStatuses ?? []).every((c: { ready: boolean }) => c.ready);
}

/** Deletes surplus pods (not-ready ones first, like the replica-set controller) or adds fresh ones. */
function scaleReplicaSet(store: ControllerStore, rs: KObject, replicas: number, nodes: string[]): void {
  const pods = podsOf(store, rs).sort((a, b) => Number(isReady(a)) - Number(isReady(b)));
  for (const p of pods.slice(0, Math.max(0, pods.length - replicas))) {
    store.pods.splice(store.pods.indexOf(p), 1);
    const m = store.podMetrics.findIndex((x) => x.metadata.name === p.metadata.name && x.metadata.namespace === p.metadata.namespace);
    if (m >= 0) store.podMetrics.splice(m, 1);
  }
  for (let i = pods.length; i < replicas; i++) {
    const pod = freshPod(rs, nodes[i % Math.max(1, nodes.length)], i);
    store.pods.push(pod);
    store.podMetrics.push(podMetrics(pod, `${200 + i * 30}m`, `${600 + i * 48}Mi`));
  }
  const count = podsOf(store, rs).length;
  const ready = podsOf(store, rs).filter(isReady).length;
  (rs.spec as AnyObj).replicas = replicas;
  rs.status = { replicas: count, readyReplicas: ready, availableReplicas: ready, ...(count > 0 ? { fullyLabeledReplicas: count } : {}) };
}

function freshPod(rs: KObject, nodeName: string | undefined, i: number): KObject {
  const template = (rs.spec as AnyObj).template as Template;
  const started = now();
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: `${rs.metadata.name}-${randomBytes(3).toString('hex').slice(0, 5)}`, namespace: rs.metadata.namespace, uid: randomUUID(), resourceVersion: '1', creationTimestamp: started,
      labels: { ...(template.metadata?.labels ?? {}) }, ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid!, controller: true }],
    },
    spec: { ...structuredClone(template.spec), ...(nodeName ? { nodeName } : {}), restartPolicy: 'Always', serviceAccountName: 'default' },
    status: {
      phase: 'Running', podIP: `10.244.${i + 1}.${100 + Math.floor(Math.random() * 150)}`, hostIP: '192.168.49.2', startTime: started,
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: started }],
      containerStatuses: template.spec.containers.map((c) => ({
        name: c.name, image: c.image, imageID: `${c.image}@sha256:${'0'.repeat(64)}`, containerID: `containerd://${randomBytes(8).toString('hex')}`,
        ready: true, started: true, restartCount: 0, state: { running: { startedAt: started } },
      })),
    },
  };
}
