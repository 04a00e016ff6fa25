import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A certificate authority that lives for one run, made with the `openssl` command (Node has no
 * X.509 writer): it signs a certificate per in-cluster host name, so the proxy can end TLS for
 * `https://NAME…` and re-send the request through the API server with the `https:` prefix.
 * Clients trust it only when told to (`--cacert $RUNBOOK_LENS_PROXY_CA`); nothing is installed.
 */
export class RunCertificates {
  /** Where the CA certificate will be once a first in-cluster HTTPS request made it. */
  readonly caFile: string;
  private readonly dir: string;
  private ca?: Promise<void>;
  private readonly leaves = new Map<string, Promise<{ key: Buffer; cert: Buffer }>>();
  private serial = 1;

  /** Nothing is written until a first in-cluster HTTPS request needs it. */
  constructor(id: string) {
    this.dir = path.join(os.tmpdir(), `runbook-lens-proxy-ca-${process.pid}-${id}`);
    this.caFile = path.join(this.dir, 'ca.crt');
  }

  /** Key and certificate for `host` (a validated DNS name), signed by the run's CA. */
  forHost(host: string): Promise<{ key: Buffer; cert: Buffer }> {
    let leaf = this.leaves.get(host);
    if (!leaf) {
      leaf = this.makeLeaf(host);
      this.leaves.set(host, leaf);
    }
    return leaf;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async makeLeaf(host: string): Promise<{ key: Buffer; cert: Buffer }> {
    this.ca ??= this.makeCa();
    await this.ca;
    const n = this.serial++;
    const key = path.join(this.dir, `${n}.key`);
    const cert = path.join(this.dir, `${n}.crt`);
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-CA', this.caFile, '-CAkey', path.join(this.dir, 'ca.key'), '-subj', `/CN=${host}`,
      '-addext', `subjectAltName=DNS:${host}`, '-addext', 'extendedKeyUsage=serverAuth', '-keyout', key, '-out', cert]);
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  }

  private async makeCa(): Promise<void> {
    await fs.promises.mkdir(this.dir, { mode: 0o700 });
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=Runbook Lens proxy CA for one run', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign',
      '-keyout', path.join(this.dir, 'ca.key'), '-out', this.caFile]);
  }
}
