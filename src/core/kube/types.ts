/** The cluster a run is pinned to. */
export interface KubeTarget {
  context: string;
  cluster: string;
  namespace: string;
}
