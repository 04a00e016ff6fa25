import { createHash } from 'node:crypto';
import type * as http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The server side of a WebSocket (RFC 6455) on an upgraded HTTP socket, just enough for
 * Kubernetes' channel protocols: binary messages out, client messages in (masked), ping/pong,
 * close. Loopback only; no extensions, no fragmentation on send.
 */
export interface WsConnection {
  send(data: Buffer): void;
  /** Sends a close frame (1000) and ends the socket. */
  close(): void;
  onMessage(fn: (data: Buffer) => void): void;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Completes the handshake choosing `protocol`; undefined (after a 400) when the request is no WebSocket upgrade. */
export function acceptWebSocket(req: http.IncomingMessage, socket: Duplex, protocol: string): WsConnection | undefined {
  const key = req.headers['sec-websocket-key'];
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket' || typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return undefined;
  }
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`);
  const listeners: ((data: Buffer) => void)[] = [];
  let buffered = Buffer.alloc(0);
  let closed = false;
  const frame = (opcode: number, payload: Buffer) => {
    if (closed) return;
    const n = payload.length;
    const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 0xff]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), u64(n)]);
    socket.write(Buffer.concat([head, payload]));
  };
  const close = () => {
    if (closed) return;
    frame(0x8, Buffer.from([0x03, 0xe8]));
    closed = true;
    socket.end();
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      const parsed = readFrame(buffered);
      if (!parsed) return;
      buffered = buffered.subarray(parsed.size);
      if (parsed.opcode === 0x8) return close();
      if (parsed.opcode === 0x9) frame(0xa, parsed.payload);
      else if (parsed.opcode === 0x1 || parsed.opcode === 0x2 || parsed.opcode === 0x0) for (const fn of listeners) fn(parsed.payload);
    }
  });
  socket.on('error', () => (closed = true));
  return { send: (data) => frame(0x2, data), close, onMessage: (fn) => listeners.push(fn) };
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** One client frame from the start of `buf`, unmasked, or undefined while incomplete. */
function readFrame(buf: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (buf.length < 2) return undefined;
  const opcode = buf[0] & 0x0f;
  const masked = (buf[1] & 0x80) !== 0;
  let len = buf[1] & 0x7f;
  let at = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    at = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    at = 10;
  }
  const mask = masked ? buf.subarray(at, at + 4) : undefined;
  if (masked) at += 4;
  if (buf.length < at + len) return undefined;
  const payload = Buffer.from(buf.subarray(at, at + len));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
  return { opcode, payload, size: at + len };
}
