/**
 * The byte gate in WebAssembly (byteGate.wat): about twice as fast as the JavaScript loop, and a
 * table hit is checked there too. The text is copied into the module's memory a window at a
 * time; windows overlap by the longest trigger, so a trigger within the range lies whole within
 * some window.
 */
import * as os from 'node:os';
import type { GateTable } from './gateTable';
import { gateWasmBytes } from './gateWasm';

export type ByteScan = (buf: Uint8Array, from: number, to: number) => boolean;

/** Bytes scanned per call; a pipe read is 64 KiB. */
const WINDOW = 256 * 1024;
const TABLE_BYTES = (1 << 21) / 8;
const RANK = TABLE_BYTES;
const LISTS = RANK + (1 << 16) * 2;
/** The steps read up to three bytes past the range. */
const SLACK = 16;

interface Exports {
  scan(from: number, to: number, rank: number, lists: number, recs: number): number;
}

/** undefined when WebAssembly or the compiled module is not to be had (the JavaScript gate then runs). */
export function createWasmGate(table: GateTable, bytes: Uint8Array<ArrayBuffer> | undefined = gateWasmBytes()): ByteScan | undefined {
  if (!bytes || typeof WebAssembly !== 'object' || os.endianness() !== 'LE') return undefined;
  const keys = [...table.candidates.keys()].sort((a, b) => a - b);
  // Ranks are 16-bit.
  if (keys.length >= 1 << 16) return undefined;
  const recCount = keys.reduce((n, k) => n + table.candidates.get(k)!.length, 0);
  const recs = LISTS + 4 * (keys.length + 1);
  const triggers = [...new Set(keys.flatMap((k) => table.candidates.get(k)!.map((c) => c.bytes)))];
  const trigStart = recs + 12 * recCount;
  const trigBytes = triggers.reduce((n, t) => n + t.length, 0);
  const overlap = table.longest + (table.longest & 1);
  const data = (trigStart + trigBytes + 15) & ~15;
  const pages = Math.ceil((data + WINDOW + SLACK) / 65536);
  let scan: Exports['scan'];
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { gate: { memory } });
    scan = (instance.exports as unknown as Exports).scan;
  } catch {
    return undefined;
  }
  const mem = new Uint8Array(memory.buffer);
  const words = new DataView(memory.buffer);
  mem.set(new Uint8Array(table.hit.buffer, table.hit.byteOffset, table.hit.byteLength), 0);
  // Built once a process, before anything is optimised: a typed array, not 65,536 DataView calls
  // (WebAssembly memory is little-endian, so is every platform Node runs the extension on).
  const rank = new Uint16Array(memory.buffer, RANK, table.hit.length);
  let set = 0;
  for (let w = 0; w < table.hit.length; w++) {
    rank[w] = set;
    const x = table.hit[w];
    if (x !== 0) set += popcount(x);
  }
  const where = new Map<Uint8Array, number>();
  let at = trigStart;
  for (const t of triggers) {
    where.set(t, at);
    mem.set(t, at);
    at += t.length;
  }
  let r = 0;
  keys.forEach((k, i) => {
    words.setUint32(LISTS + 4 * i, r, true);
    for (const c of table.candidates.get(k)!) {
      const rec = recs + 12 * r++;
      words.setInt32(rec, c.delta, true);
      words.setInt32(rec + 4, c.bytes.length, true);
      words.setInt32(rec + 8, where.get(c.bytes)!, true);
    }
  });
  words.setUint32(LISTS + 4 * keys.length, r, true);

  return (buf, from, to) => {
    for (let start = from; start < to; start += WINDOW - overlap) {
      const end = Math.min(to, start + WINDOW);
      mem.set(buf.subarray(start, end), data);
      if (scan(data, data + (end - start), RANK, LISTS, recs) !== 0) return true;
      if (end === to) break;
    }
    return false;
  };
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
