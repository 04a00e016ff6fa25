import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { Duplex } from 'node:stream';
import { forwardableHeaders } from './apiForward';

/** A request for any other host, sent on as the client would have sent it without us. */
export function passThroughRequest(req: http.IncomingMessage, res: http.ServerResponse, target: URL): void {
  const out = (target.protocol === 'https:' ? https : http).request(target, { method: req.method, headers: { ...forwardableHeaders(req.headers), host: target.host } }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.statusMessage, forwardableHeaders(up.headers));
    up.pipe(res);
  });
  out.on('error', (err) => badGateway(res, `${target.host}: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
  req.pipe(out);
}

/** CONNECT for any other host: a raw TCP tunnel, so TLS stays end to end between client and server. */
export function passThroughTunnel(client: Duplex, head: Buffer, host: string, port: number): void {
  const upstream = net.connect(port, host);
  upstream.once('connect', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on('error', (err) => {
    if (client.writable) client.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nrunbook-lens proxy: cannot connect to ${host}:${port}: ${(err as NodeJS.ErrnoException).code ?? err.message}\n`);
    client.destroy();
  });
  client.on('error', () => upstream.destroy());
  client.on('close', () => upstream.destroy());
}

export function badGateway(res: http.ServerResponse, why: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' }).end(`runbook-lens proxy: ${why}\n`);
}
