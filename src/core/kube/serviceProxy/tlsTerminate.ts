import * as http from 'node:http';
import * as tls from 'node:tls';
import type { Duplex } from 'node:stream';
import type { FoundService } from './serviceLookup';
import { RunCertificates } from './runCertificates';

type Serve = (req: http.IncomingMessage, res: http.ServerResponse, target: URL, svc: FoundService) => void;

/**
 * CONNECT to an in-cluster name: the API server can only proxy HTTP(S) requests to a Service,
 * not a raw TLS stream, so the proxy answers the TLS handshake itself (with a certificate of
 * the run's CA) and hands each decrypted request on, to be re-sent with the `https:` prefix.
 */
export class TlsTerminator {
  private readonly inner: http.Server;
  private readonly targets = new WeakMap<object, { host: string; port: number; svc: FoundService }>();
  private readonly certs: RunCertificates;

  constructor(id: string, serve: Serve, private readonly track: (s: Duplex) => void) {
    this.certs = new RunCertificates(id);
    this.inner = http.createServer((req, res) => {
      const t = this.targets.get(req.socket);
      if (!t) return void res.writeHead(500).end();
      serve(req, res, new URL(`https://${t.host}:${t.port}${req.url ?? '/'}`), t.svc);
    });
  }

  /** Path of the CA certificate clients may trust (made on first use). */
  get caFile(): string {
    return this.certs.caFile;
  }

  async terminate(socket: Duplex, head: Buffer, host: string, port: number, svc: FoundService): Promise<void> {
    let material: { key: Buffer; cert: Buffer };
    try {
      material = await this.certs.forHost(host.toLowerCase());
    } catch (err) {
      socket.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nrunbook-lens proxy: cannot end TLS for ${host} (is the openssl command installed?): ${(err as Error).message.split('\n')[0]}\n`);
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    const secure = new tls.TLSSocket(socket as import('node:net').Socket, { isServer: true, key: material.key, cert: material.cert, ALPNProtocols: ['http/1.1'] });
    secure.on('error', () => secure.destroy());
    this.track(secure);
    this.targets.set(secure, { host, port, svc });
    this.inner.emit('connection', secure);
  }

  dispose(): void {
    this.inner.close();
    this.certs.dispose();
  }
}
