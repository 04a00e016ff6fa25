import * as http from 'node:http';
import * as https from 'node:https';

type TlsOptions = Pick<https.RequestOptions, 'ca' | 'cert' | 'key' | 'pfx' | 'passphrase' | 'rejectUnauthorized' | 'servername'>;

/**
 * One keep-alive connection pool to the API server for the run, so each proxied request costs
 * a request, not a TLS handshake (client-node makes a fresh agent without keep-alive per call).
 * The TLS material comes from client-node's applyToHTTPSOptions each time; when it changes (an
 * exec plugin that issues short-lived client certificates) the pool is replaced. A cluster
 * `proxy-url` agent is used as client-node made it.
 */
export class ApiAgent {
  private agent?: http.Agent;
  private material?: TlsOptions;

  for(protocol: string, opts: https.RequestOptions): http.Agent | undefined {
    const given = opts.agent;
    if (typeof given === 'object' && given.constructor !== https.Agent && given.constructor !== http.Agent) return given;
    const material: TlsOptions = { ca: opts.ca, cert: opts.cert, key: opts.key, pfx: opts.pfx, passphrase: opts.passphrase, rejectUnauthorized: opts.rejectUnauthorized, servername: opts.servername };
    if (!this.agent || !same(this.material!, material)) {
      this.agent?.destroy();
      this.agent = protocol === 'http:' ? new http.Agent({ keepAlive: true }) : new https.Agent({ ...material, keepAlive: true });
      this.material = material;
    }
    return this.agent;
  }

  destroy(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }
}

function same(a: TlsOptions, b: TlsOptions): boolean {
  return (Object.keys(b) as (keyof TlsOptions)[]).every((k) => String(a[k] ?? '') === String(b[k] ?? ''));
}
