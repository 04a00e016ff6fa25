import { minimatch } from 'minimatch';

/**
 * Chooses the Prometheus URL for a Kubernetes context: an exact key of `urls` first, then the
 * first glob pattern that matches (e.g. "prod-*"), then `defaultUrl`. undefined when none applies.
 */
export function prometheusUrlFor(context: string | undefined, urls: Record<string, string> | undefined, defaultUrl: string | undefined): string | undefined {
  const map = urls ?? {};
  if (context !== undefined) {
    if (typeof map[context] === 'string' && map[context].trim()) return map[context].trim();
    for (const [pattern, url] of Object.entries(map)) {
      if (typeof url === 'string' && url.trim() && minimatch(flat(context), flat(pattern), { nocase: true, dot: true })) return url.trim();
    }
  }
  return defaultUrl?.trim() || undefined;
}

// Context names are not paths (OpenShift's look like `ns/api-host:6443/user`): let `*` cross slashes.
function flat(s: string): string {
  return s.replaceAll('/', '\u2215');
}
