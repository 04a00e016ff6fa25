import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { fakeTls } from './fakeCluster/tlsMaterial';

/**
 * Generated kubeconfig layouts for comparing our scoped kubeconfig with what the real kubectl
 * makes of the original files. Each scenario knows, as ground truth, which file defines the
 * user (kubectl resolves a user's relative paths against that file's directory).
 */
export interface KubeconfigScenario {
  id: string;
  /** KUBECONFIG value (entries may be relative to `cwd`). */
  kubeconfig: string;
  context: string;
  /** Namespace asked for the run; undefined = the context's own. */
  namespace?: string;
  /** The file that defines the user kubectl uses (first definition wins). */
  userFile: string;
  /** The user authenticates with a bearer token (inline, file or plugin): a live check is possible. */
  tokenAuth: boolean;
  /** Directory to add to PATH for exec plugins named without a path. */
  pathDir: string;
}

type Layout = 'single' | 'split' | 'shadowed' | 'symlink' | 'relative-entry';
type CaKind = 'data' | 'relative' | 'parent-relative' | 'absolute' | 'insecure';
type AuthKind = 'token' | 'tokenFile-relative' | 'tokenFile-dot' | 'tokenFile-parent' | 'tokenFile-absolute'
  | 'client-cert-relative' | 'client-cert-data' | 'exec-relative' | 'exec-nested' | 'exec-path' | 'exec-absolute' | 'basic-impersonate';
type NsKind = 'set' | 'absent' | 'empty' | 'override';

export const LAYOUTS: Layout[] = ['single', 'split', 'shadowed', 'symlink', 'relative-entry'];
export const CA_KINDS: CaKind[] = ['data', 'relative', 'parent-relative', 'absolute', 'insecure'];
export const AUTH_KINDS: AuthKind[] = ['token', 'tokenFile-relative', 'tokenFile-dot', 'tokenFile-parent', 'tokenFile-absolute',
  'client-cert-relative', 'client-cert-data', 'exec-relative', 'exec-nested', 'exec-path', 'exec-absolute', 'basic-impersonate'];
const NS_KINDS: NsKind[] = ['set', 'absent', 'empty', 'override'];

const credential = (token: string) => JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token } });

function put(file: string, text: string, mode = 0o600): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode });
  return file;
}

/** The cluster body with its CA as `kind` asks; files are written next to `dir` (the defining file's folder). */
function clusterBody(kind: CaKind, server: string, dir: string, shared: string): Record<string, unknown> {
  switch (kind) {
    case 'data': return { server, 'certificate-authority-data': Buffer.from(fakeTls.ca).toString('base64') };
    case 'relative': put(path.join(dir, 'certs', 'ca.crt'), fakeTls.ca); return { server, 'certificate-authority': 'certs/ca.crt' };
    case 'parent-relative': put(path.join(dir, '..', 'shared-ca', 'ca.crt'), fakeTls.ca); return { server, 'certificate-authority': '../shared-ca/ca.crt', 'tls-server-name': 'localhost' };
    case 'absolute': return { server, 'certificate-authority': put(path.join(shared, 'abs-ca.crt'), fakeTls.ca), extensions: [{ name: 'example/owner', extension: { team: 'sre' } }] };
    case 'insecure': return { server, 'insecure-skip-tls-verify': true, 'disable-compression': true };
  }
}

/** The user body for `kind`; `token` is what the fake API must see. */
function userBody(kind: AuthKind, token: string, dir: string, shared: string, pathDir: string): Record<string, unknown> {
  const plugin = (file: string) => put(file, `#!/bin/sh\necho '${credential(token)}'\n`, 0o755);
  const exec = (command: string, extra: Record<string, unknown> = {}) => ({ exec: { apiVersion: 'client.authentication.k8s.io/v1', command, interactiveMode: 'Never', ...extra } });
  switch (kind) {
    case 'token': return { token };
    case 'tokenFile-relative': put(path.join(dir, 'tokens', 'sre'), token); return { tokenFile: 'tokens/sre' };
    case 'tokenFile-dot': put(path.join(dir, 'sre.token'), token); return { tokenFile: './sre.token' };
    case 'tokenFile-parent': put(path.join(dir, '..', 'tokens', 'parent'), token); return { tokenFile: '../tokens/parent' };
    case 'tokenFile-absolute': return { tokenFile: put(path.join(shared, `${token}.abs`), token) };
    case 'client-cert-relative':
      put(path.join(dir, 'pki', 'client.crt'), 'client-cert-bytes\n');
      put(path.join(dir, 'pki', 'client.key'), 'client-key-bytes\n');
      return { 'client-certificate': 'pki/client.crt', 'client-key': 'pki/client.key' };
    case 'client-cert-data': return { 'client-certificate-data': Buffer.from('cert').toString('base64'), 'client-key-data': Buffer.from('key').toString('base64') };
    // Args are handed to the plugin as written: kubectl resolves only the command.
    case 'exec-relative': plugin(path.join(dir, 'bin', 'cred.sh')); return exec('./bin/cred.sh', { args: ['./relative-arg', '--flag=x'] });
    case 'exec-nested': plugin(path.join(dir, 'plugins', 'auth', 'cred')); return exec('plugins/auth/cred', { env: [{ name: 'CRED_MODE', value: 'test' }] });
    case 'exec-path': plugin(path.join(pathDir, `cred-${token}`)); return exec(`cred-${token}`, { provideClusterInfo: true });
    case 'exec-absolute': return exec(plugin(path.join(shared, `abs-cred-${token}`)), { installHint: 'ask the platform team' });
    case 'basic-impersonate': return { username: 'admin', password: 'not-a-real-password', as: 'sre-bot', 'as-groups': ['oncall'] };
  }
}

function contextBody(ns: NsKind, cluster: string, user: string): Record<string, unknown> {
  return { cluster, user, ...(ns === 'set' || ns === 'override' ? { namespace: 'photon-mlir' } : ns === 'empty' ? { namespace: '' } : {}) };
}

const config = (parts: { clusters?: unknown[]; users?: unknown[]; contexts?: unknown[]; current?: string }) => stringify({
  apiVersion: 'v1', kind: 'Config', preferences: {},
  clusters: parts.clusters ?? [], users: parts.users ?? [], contexts: parts.contexts ?? [],
  ...(parts.current ? { 'current-context': parts.current } : {}),
});

/**
 * Writes every layout × auth with three CA forms each under `root` (namespace kinds cycle), each
 * in its own folder, and returns them. `tokens[i]` must be accepted by the API at `server`.
 */
export function writeScenarios(root: string, server: string, cwd: string, tokenFor: (i: number) => string): KubeconfigScenario[] {
  const out: KubeconfigScenario[] = [];
  let i = 0;
  LAYOUTS.forEach((layout, l) => AUTH_KINDS.forEach((auth, a) => {
    // Three CA forms per layout and auth, shifted so that every pair meets every CA form.
    for (let k = 0; k < 3; k++) {
      const ca = CA_KINDS[(l + a + k) % CA_KINDS.length];
      const ns = NS_KINDS[i % NS_KINDS.length];
      const token = tokenFor(i);
      const id = `${String(i).padStart(3, '0')}-${layout}-${ca}-${auth}-ns-${ns}`;
      const base = path.join(root, id);
      const shared = path.join(base, 'shared');
      const pathDir = path.join(base, 'path-bin');
      fs.mkdirSync(pathDir, { recursive: true });
      const ctx = `ctx-${i}`;
      let files: string[];
      let userFile: string;
      if (layout === 'single' || layout === 'relative-entry') {
        const dir = path.join(base, 'home', '.kube');
        const file = path.join(dir, 'config');
        put(file, config({
          clusters: [{ name: 'c', cluster: clusterBody(ca, server, dir, shared) }],
          users: [{ name: 'u', user: userBody(auth, token, dir, shared, pathDir) }],
          contexts: [{ name: ctx, context: contextBody(ns, 'c', 'u') }], current: ctx,
        }));
        files = [layout === 'relative-entry' ? path.relative(cwd, file) : file];
        userFile = file;
      } else if (layout === 'split') {
        // Context, cluster and user each in its own folder: each path is relative to its own file.
        const cFile = path.join(base, 'contexts', 'config');
        const clFile = path.join(base, 'clusters', 'deep', 'clusters.yaml');
        const uFile = path.join(base, 'users', 'users.yaml');
        put(cFile, config({ contexts: [{ name: ctx, context: contextBody(ns, 'c', 'u') }], current: ctx }));
        put(clFile, config({ clusters: [{ name: 'c', cluster: clusterBody(ca, server, path.dirname(clFile), shared) }] }));
        put(uFile, config({ users: [{ name: 'u', user: userBody(auth, token, path.dirname(uFile), shared, pathDir) }] }));
        files = [cFile, clFile, uFile];
        userFile = uFile;
      } else if (layout === 'shadowed') {
        // The first file's cluster and user win; the later ones point at files that do not exist.
        const first = path.join(base, 'first', 'config');
        const later = path.join(base, 'later', 'config');
        put(first, config({ clusters: [{ name: 'c', cluster: clusterBody(ca, server, path.dirname(first), shared) }], users: [{ name: 'u', user: userBody(auth, token, path.dirname(first), shared, pathDir) }] }));
        put(later, config({
          clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:1', 'certificate-authority': 'missing/ca.crt' } }],
          users: [{ name: 'u', user: { tokenFile: 'missing/token' } }],
          contexts: [{ name: ctx, context: contextBody(ns, 'c', 'u') }], current: ctx,
        }));
        files = [first, later];
        userFile = first;
      } else {
        // A symlinked kubeconfig: kubectl resolves against the link's folder, not the target's.
        const real = path.join(base, 'real', 'config');
        const linkDir = path.join(base, 'linked');
        const link = path.join(linkDir, 'config');
        put(real, config({
          clusters: [{ name: 'c', cluster: clusterBody(ca, server, linkDir, shared) }],
          users: [{ name: 'u', user: userBody(auth, token, linkDir, shared, pathDir) }],
          contexts: [{ name: ctx, context: contextBody(ns, 'c', 'u') }], current: ctx,
        }));
        fs.mkdirSync(linkDir, { recursive: true });
        fs.symlinkSync(real, link);
        files = [link];
        userFile = link;
      }
      out.push({
        id, kubeconfig: files.join(path.delimiter), context: ctx, namespace: ns === 'override' ? 'payments' : undefined,
        userFile: path.resolve(cwd, userFile), tokenAuth: !auth.startsWith('client-cert') && auth !== 'basic-impersonate', pathDir,
      });
      i++;
    }
  }));
  return out;
}
