import type * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { simulateExec } from './exec';
import type { KObject } from './objects';
import { acceptWebSocket } from './websocket';

type AnyObj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Channel protocols kubectl offers for exec; v5 adds a close signal for stdin, unused here. */
const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;

/** A Kubernetes Status answered on a raw (not yet upgraded) socket, which kubectl prints. */
export function rawStatus(socket: Duplex, code: number, reason: string, message: string): void {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
  socket.end(`HTTP/1.1 ${code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * `pods/<name>/exec` over a WebSocket: stdout and stderr of the simulated command on their
 * channels, then its exit status on the error channel (how kubectl learns the exit code).
 */
export function serveExec(req: http.IncomingMessage, socket: Duplex, url: URL, sub: string, pod: KObject, world: { cluster: string; services: KObject[] }): void {
  if (sub !== 'exec') return rawStatus(socket, 400, 'BadRequest', `the demo cluster cannot ${sub === 'portforward' ? 'port-forward to' : `${sub} to`} pods (simulated cluster: no containers run)`);
  const containers = ((pod.spec as AnyObj).containers ?? []) as { name: string }[];
  const container = url.searchParams.get('container') || containers[0]?.name;
  if (!containers.some((c) => c.name === container)) return rawStatus(socket, 400, 'BadRequest', `container ${container} is not valid for pod ${pod.metadata.name}`);
  const status = ((pod.status as AnyObj)?.containerStatuses ?? []).find((c: { name: string }) => c.name === container);
  if (status && !status.state?.running) return rawStatus(socket, 400, 'BadRequest', `container not found ("${container}")`);
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
    return rawStatus(socket, 400, 'BadRequest', `the demo cluster (simulated) answers exec only over WebSocket (${PROTOCOLS[0]}), not ${req.headers.upgrade}; kubectl 1.30+ uses WebSocket unless KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false`);
  }
  const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const protocol = PROTOCOLS.find((p) => offered.includes(p));
  if (!protocol) return rawStatus(socket, 400, 'BadRequest', `the demo cluster speaks only ${PROTOCOLS.join(' and ')} for exec, not ${offered.join(', ') || 'no protocol'}`);
  const ws = acceptWebSocket(req, socket, protocol);
  if (!ws) return;
  const result = simulateExec(world.cluster, pod, world.services, url.searchParams.getAll('command'));
  const tty = url.searchParams.get('tty') === 'true';
  const send = (channel: number, text: string) => {
    if (text) ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(tty ? text.replace(/\r?\n/g, '\r\n') : text)]));
  };
  // A terminal has one output stream: stderr goes to stdout, as with a real TTY.
  send(tty ? STDOUT : STDERR, result.stderr);
  send(STDOUT, result.stdout);
  const exit = result.exitCode === 0
    ? { metadata: {}, status: 'Success' }
    : {
      metadata: {}, status: 'Failure', reason: 'NonZeroExitCode',
      message: `command terminated with non-zero exit code: error executing command [${url.searchParams.getAll('command').join(' ')}], exit code ${result.exitCode}`,
      details: { causes: [{ reason: 'ExitCode', message: String(result.exitCode) }] },
    };
  send(ERROR, JSON.stringify(exit));
  ws.close();
}
