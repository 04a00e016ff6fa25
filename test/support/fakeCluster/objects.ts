import { createHash, randomUUID } from 'node:crypto';

/** Any Kubernetes object the fake API stores (kept as plain JSON). */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
    resourceVersion?: string;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

function ago(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
}

function meta(name: string, namespace: string | undefined, ageMinutes: number, extra: Partial<KObject['metadata']> = {}): KObject['metadata'] {
  return { name, ...(namespace ? { namespace } : {}), uid: randomUUID(), resourceVersion: '1', creationTimestamp: ago(ageMinutes), ...extra };
}

export function namespace(name: string, ageMinutes = 60 * 24 * 30): KObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta(name, undefined, ageMinutes, { labels: { 'kubernetes.io/metadata.name': name } }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

export function node(name: string, options: { ip: string; roles?: string[]; kubeletVersion?: string; ageMinutes?: number }): KObject {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' };
  for (const r of options.roles ?? []) labels[`node-role.kubernetes.io/${r}`] = '';
  return {
    apiVersion: 'v1', kind: 'Node', metadata: meta(name, undefined, options.ageMinutes ?? 60 * 24 * 40, { labels }),
    spec: {},
    status: {
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: ago(1), lastTransitionTime: ago(60 * 24) }],
      addresses: [{ type: 'InternalIP', address: options.ip }, { type: 'Hostname', address: name }],
      capacity: { cpu: '8', memory: '32Gi', pods: '110' },
      allocatable: { cpu: '7800m', memory: '30Gi', pods: '110' },
      nodeInfo: { kubeletVersion: options.kubeletVersion ?? 'v1.31.2', osImage: 'Simulated Linux', containerRuntimeVersion: 'containerd://1.7.22', kernelVersion: '6.1.0', architecture: 'amd64', operatingSystem: 'linux' },
    },
  };
}

export interface DeploymentSpec {
  namespace: string;
  name: string;
  replicas: number;
  image: string;
  container?: string;
  nodes: string[];
  /** Number of pods that are not running (CrashLoopBackOff). */
  crashing?: number;
  revision?: number;
  ageMinutes?: number;
}

/** A deployment with its current ReplicaSet and pods, the owner chain kubectl walks. */
export function deploymentWithPods(spec: DeploymentSpec): KObject[] {
  const labels = { app: spec.name };
  const container = spec.container ?? spec.name.split('-').pop() ?? 'main';
  const revision = String(spec.revision ?? 1);
  const age = spec.ageMinutes ?? 60 * 24 * 3;
  const podTemplate = { metadata: { labels }, spec: { containers: [{ name: container, image: spec.image, ports: [{ containerPort: 8080, protocol: 'TCP' }], resources: { requests: { cpu: '500m', memory: '1Gi' } } }] } };
  const ready = spec.replicas - (spec.crashing ?? 0);
  const dep: KObject = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: meta(spec.name, spec.namespace, age, { labels, annotations: { 'deployment.kubernetes.io/revision': revision }, generation: 1 }),
    spec: { replicas: spec.replicas, selector: { matchLabels: labels }, template: podTemplate, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
    status: { observedGeneration: 1, replicas: spec.replicas, updatedReplicas: spec.replicas, readyReplicas: ready, availableReplicas: ready, unavailableReplicas: spec.replicas - ready || undefined, conditions: [{ type: 'Available', status: ready > 0 ? 'True' : 'False', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }] },
  };
  const hashOf = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 10);
  const hash = hashOf(`${spec.namespace}/${spec.name}/${spec.image}/${revision}`);
  const rsName = `${spec.name}-${hash}`;
  const rs: KObject = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: meta(rsName, spec.namespace, age, {
      labels: { ...labels, 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: spec.name, uid: dep.metadata.uid!, controller: true }],
    }),
    spec: { replicas: spec.replicas, selector: { matchLabels: { ...labels, 'pod-template-hash': hash } }, template: { ...podTemplate, metadata: { labels: { ...labels, 'pod-template-hash': hash } } } },
    status: { replicas: spec.replicas, readyReplicas: ready, availableReplicas: ready },
  };
  // The previous revision, scaled to zero, so `kubectl rollout history/undo` have something to show.
  const previousImage = spec.image.replace(/:[^:/]+$/, ':previous');
  const oldHash = hashOf(`${spec.namespace}/${spec.name}/${previousImage}/${Number(revision) - 1}`);
  const oldRs: KObject = structuredClone(rs);
  oldRs.metadata = { ...oldRs.metadata, name: `${spec.name}-${oldHash}`, uid: randomUUID(), labels: { ...labels, 'pod-template-hash': oldHash }, annotations: { 'deployment.kubernetes.io/revision': String(Number(revision) - 1) }, creationTimestamp: ago(age + 60 * 24) };
  oldRs.spec = { replicas: 0, selector: { matchLabels: { ...labels, 'pod-template-hash': oldHash } }, template: { metadata: { labels: { ...labels, 'pod-template-hash': oldHash } }, spec: { containers: [{ ...podTemplate.spec.containers[0], image: previousImage }] } } };
  oldRs.status = { replicas: 0 };
  const pods: KObject[] = [];
  for (let i = 0; i < spec.replicas; i++) {
    const crashing = i >= ready;
    const name = `${rsName}-${hashOf(`${rsName}${i}`).slice(0, 5)}`;
    const started = ago(crashing ? 2 : age - 5);
    pods.push({
      apiVersion: 'v1', kind: 'Pod',
      metadata: meta(name, spec.namespace, age - 5, {
        labels: { ...labels, 'pod-template-hash': hash },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rs.metadata.uid!, controller: true }],
      }),
      spec: { ...podTemplate.spec, nodeName: spec.nodes[i % spec.nodes.length], restartPolicy: 'Always', serviceAccountName: 'default' },
      status: {
        phase: 'Running',
        podIP: `10.244.${i + 1}.${10 + i}`,
        hostIP: '192.168.49.2',
        startTime: ago(age - 5),
        conditions: [{ type: 'Ready', status: crashing ? 'False' : 'True', lastTransitionTime: started }],
        containerStatuses: [{
          name: container, image: spec.image, imageID: `${spec.image}@sha256:${'0'.repeat(64)}`, containerID: `containerd://${hash}${i}`,
          ready: !crashing, started: !crashing, restartCount: crashing ? 7 : 0,
          state: crashing ? { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } } : { running: { startedAt: started } },
          ...(crashing ? { lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: ago(4), finishedAt: ago(3) } } } : {}),
        }],
      },
    });
  }
  return [dep, rs, oldRs, ...pods];
}

export function service(ns: string, name: string, options: { clusterIP: string; port: number; selector: Record<string, string>; ageMinutes?: number }): KObject {
  return {
    apiVersion: 'v1', kind: 'Service', metadata: meta(name, ns, options.ageMinutes ?? 60 * 24 * 10),
    spec: { type: 'ClusterIP', clusterIP: options.clusterIP, clusterIPs: [options.clusterIP], selector: options.selector, ports: [{ name: 'http', port: options.port, targetPort: 8080, protocol: 'TCP' }], sessionAffinity: 'None' },
    status: { loadBalancer: {} },
  };
}

export function configMap(ns: string, name: string, data: Record<string, string>): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, ns, 60 * 24 * 10), data };
}

/** `data` is given in clear text and stored base64-encoded, as the API does. */
export function secret(ns: string, name: string, data: Record<string, string>): KObject {
  const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, ns, 60 * 24 * 10), type: 'Opaque', data: encoded };
}

export function event(target: KObject, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal', minutesAgo = 5): KObject {
  const ns = target.metadata.namespace ?? 'default';
  return {
    apiVersion: 'v1', kind: 'Event', metadata: meta(`${target.metadata.name}.${randomUUID().slice(0, 8)}`, ns, minutesAgo),
    involvedObject: { kind: target.kind, name: target.metadata.name, namespace: ns, uid: target.metadata.uid, apiVersion: target.apiVersion },
    reason, message, type, count: 1, firstTimestamp: ago(minutesAgo), lastTimestamp: ago(minutesAgo), source: { component: 'kubelet' },
  };
}

/** metrics.k8s.io usage for `kubectl top pods`. */
export function podMetrics(pod: KObject, cpu: string, memory: string): KObject {
  const containers = ((pod.spec as { containers: { name: string }[] }).containers).map((c) => ({ name: c.name, usage: { cpu, memory } }));
  return { apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: ago(0) }, timestamp: ago(0), window: '30s', containers };
}

export type PodState = 'ContainerCreating' | 'ImagePullBackOff' | 'Completed' | 'Error';

/** A pod without a controller in one of the states `kubectl get pods` shows besides Running. */
export function podInState(ns: string, name: string, state: PodState, options: { image: string; node?: string; ageMinutes: number; restarts?: number }): KObject {
  const container = name.split('-')[1] ?? 'main';
  const phase = state === 'Completed' ? 'Succeeded' : state === 'Error' ? 'Failed' : 'Pending';
  const stateOf = state === 'Completed' || state === 'Error'
    ? { terminated: { exitCode: state === 'Completed' ? 0 : 1, reason: state, startedAt: ago(options.ageMinutes), finishedAt: ago(Math.max(0, options.ageMinutes - 1)) } }
    : { waiting: { reason: state, ...(state === 'ImagePullBackOff' ? { message: `Back-off pulling image "${options.image}"` } : {}) } };
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: meta(name, ns, options.ageMinutes, { labels: { app: name.replace(/-[a-z0-9]{5}$/, '') } }),
    spec: { containers: [{ name: container, image: options.image }], ...(options.node ? { nodeName: options.node } : {}), restartPolicy: state === 'Completed' || state === 'Error' ? 'Never' : 'Always' },
    status: {
      phase, ...(options.node ? { hostIP: '192.168.49.2', startTime: ago(options.ageMinutes) } : {}),
      conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: ago(options.ageMinutes) }],
      containerStatuses: [{ name: container, image: options.image, imageID: '', ready: false, started: false, restartCount: options.restarts ?? 0, state: stateOf }],
    },
  };
}
