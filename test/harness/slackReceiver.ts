import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackRequest {
  at: number;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
}

export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A stand-in for a Slack incoming webhook on 127.0.0.1. Replies follow `script` in order
 * (then 200 "ok", as Slack answers); every request is kept for inspection.
 */
export interface SlackReceiver {
  /** Webhook URL with a secret-looking path, like Slack's /services/T…/B…/token. */
  url: string;
  received: SlackRequest[];
  script: ScriptedReply[];
  close(): Promise<void>;
}

export const WEBHOOK_PATH = '/services/T0TESTTEAM/B0TESTHOOK/s3cr3tW3bh00kT0k3n';

export async function startSlackReceiver(): Promise<SlackReceiver> {
  const received: SlackRequest[] = [];
  const script: ScriptedReply[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ at: Date.now(), method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      const reply = script.shift() ?? { status: 200, body: 'ok' };
      res.writeHead(reply.status, { 'Content-Type': 'text/plain', ...reply.headers });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
    received,
    script,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
