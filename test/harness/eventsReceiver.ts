/**
 * A loopback stand-in for the PagerDuty Events API v2 (`POST /v2/enqueue`) that validates
 * payloads the way the real service documents: 202 on a valid event, 400 with `errors` otherwise.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEvent {
  path: string;
  contentType: string;
  body: Record<string, unknown>;
}

export interface EventsReceiver {
  url: string;
  received: ReceivedEvent[];
  close(): Promise<void>;
}

export async function startEventsReceiver(validRoutingKey: string): Promise<EventsReceiver> {
  const received: ReceivedEvent[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString(); });
    req.on('end', () => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || req.url !== '/v2/enqueue') return reply(404, { status: 'not found', message: `no route ${req.method} ${req.url}` });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return reply(400, { status: 'invalid event', message: 'Event object is invalid', errors: ['Body is not valid JSON'] });
      }
      received.push({ path: req.url, contentType: String(req.headers['content-type'] ?? ''), body });
      const errors: string[] = [];
      if (body.routing_key !== validRoutingKey) errors.push('Invalid routing key');
      if (!['trigger', 'acknowledge', 'resolve'].includes(String(body.event_action))) errors.push("'event_action' is invalid");
      if (body.event_action !== 'trigger' && !body.dedup_key) errors.push("'dedup_key' is missing or blank");
      if (errors.length) return reply(400, { status: 'invalid event', message: 'Event object is invalid', errors });
      return reply(202, { status: 'success', message: 'Event processed', dedup_key: body.dedup_key });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
