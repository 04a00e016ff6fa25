import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { placeholderKind } from '../../../../src/core/kube/placeholderKinds';

test('placeholders that name Kubernetes objects map to the kind offered from the live cluster', () => {
  const cases: Record<string, string | undefined> = {
    'pod-name': 'pods', pod: 'pods', POD_NAME: 'pods', 'failing-pod': 'pods', podname: 'pods',
    deployment: 'deployments', 'deployment-name': 'deployments', deploy: 'deployments',
    node: 'nodes', 'node-name': 'nodes', 'target-node': 'nodes',
    namespace: 'namespaces', ns: 'namespaces', 'k8s-namespace': 'namespaces',
    service: 'services', svc: 'services', 'service-name': 'services',
    context: 'contexts', 'kube-context': 'contexts',
    configmap: 'configmaps',
    'incident-key': undefined, id: undefined, 'device-id': undefined, name: undefined, '': undefined,
  };
  for (const [name, kind] of Object.entries(cases)) assert.equal(placeholderKind(name), kind, name);
});
