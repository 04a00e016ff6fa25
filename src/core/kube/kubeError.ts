/** What went wrong, so callers can choose words and tests can assert without parsing text. */
export type KubeErrorCode =
  | 'malformed-kubeconfig'
  | 'missing-kubeconfig'
  | 'no-contexts'
  | 'unknown-context'
  | 'incomplete-context'
  | 'timeout'
  | 'unreachable'
  | 'credential-plugin'
  | 'unauthorized'
  | 'forbidden'
  | 'api';

/** A one-line, user-facing failure of anything Kubernetes-related. */
export class KubeError extends Error {
  constructor(readonly code: KubeErrorCode, message: string) {
    super(message);
    this.name = 'KubeError';
  }
}

export function isKubeError(err: unknown): err is KubeError {
  return err instanceof KubeError;
}
