export { startFakeCluster, type FakeCluster, type FakeClusterFixture, type FakeUser, type RecordedRequest } from './server';
export { writeFakeKubeconfig, fakeKubeconfigText, type FakeContext } from './kubeconfig';
export * as objects from './objects';
export type { KObject } from './objects';
