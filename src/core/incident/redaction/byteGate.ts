/**
 * The trigger gate of triggerGate.ts over raw ASCII bytes, for the output fast path: no decoding,
 * no lower-casing, two bytes per step, through the table of gateTable.ts. It runs in
 * WebAssembly (wasmGate.ts) where that can be had, else in the JavaScript loop below; both say
 * whether some trigger, normalised, lies within the range, so this gate passes everything the
 * string gate passes.
 */
import { buildGateTable, key, NONE, norm, type GateTable } from './gateTable';
import { mayHoldSecret } from './triggerGate';
import { createWasmGate, type ByteScan } from './wasmGate';

/** null: no table can stand for the triggers. */
let table: GateTable | null | undefined;
let wasm: ByteScan | undefined | null;

/**
 * False only when no rule could fire on the text of `buf[from, to)`: the same verdict as
 * `mayHoldSecret(text.toLowerCase())` on its ASCII text, or true where that is false. Bytes of
 * other characters (0x80 and up) can only let more in: the key keeps their low 7 bits.
 */
export function bytesMayHoldSecret(buf: Uint8Array, from = 0, to = buf.length): boolean {
  if (table === undefined) table = buildGateTable();
  if (table === null) return true;
  if (wasm === undefined) wasm = createWasmGate(table) ?? null;
  return wasm ? wasm(buf, from, to) : jsBytesMayHoldSecret(table, buf, from, to);
}

/** The JavaScript gate, when WebAssembly is not to be had (and for the tests to compare with). */
export function jsBytesMayHoldSecret(table: GateTable, buf: Uint8Array, from = 0, to = buf.length): boolean {
  const { hit } = table;
  // One little-endian 32-bit load per step: its low three bytes, 7 bits each, are the key.
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let i = from;
  for (; i + 3 < to; i += 2) {
    const w = view.getUint32(i, true) | 0x202020;
    const k = (w & 0x7f) | ((w >> 1) & 0x3f80) | ((w >> 2) & 0x1fc000);
    if ((hit[k >>> 5] & (1 << (k & 31))) !== 0 && verify(table, buf, from, to, i, k)) return true;
  }
  // The last steps: three bytes left, then a pair without a third byte in the range.
  for (; i + 1 < to; i += 2) {
    const k = key(norm(buf[i]), norm(buf[i + 1]), i + 2 < to ? norm(buf[i + 2]) : NONE);
    if ((hit[k >>> 5] & (1 << (k & 31))) !== 0 && verify(table, buf, from, to, i, k)) return true;
  }
  return false;
}

/** Whether a trigger listed for the three bytes at `i` is really there. */
function verify(table: GateTable, buf: Uint8Array, from: number, to: number, i: number, k: number): boolean {
  for (const c of table.candidates.get(k)!) {
    const start = i + c.delta;
    const n = c.bytes.length;
    if (start < from || start + n > to) continue;
    let j = 0;
    while (j < n && norm(buf[start + j]) === c.bytes[j]) j++;
    if (j === n) return true;
  }
  return false;
}

/** Of all characters only these two lower-case to ASCII (İ to i̇, the Kelvin sign to k). */
const lowersToAscii = (text: string): boolean => text.includes('\u0130') || text.includes('\u212a');

/**
 * The string gate's verdict for `text` (false only when no rule could fire), through its UTF-8
 * bytes: encoding and the byte scan cost less than lower-casing and the regex, most of all on
 * text with characters beyond Latin-1, which V8 keeps as two bytes per character.
 */
export function textMayHoldSecret(text: string): boolean {
  if (lowersToAscii(text)) return mayHoldSecret(text.toLowerCase());
  return bytesMayHoldSecret(Buffer.from(text, 'utf8'));
}

/** textMayHoldSecret(text) where `utf8[from, to)` is already the text's UTF-8. */
export function encodedMayHoldSecret(text: string, utf8: Uint8Array, from: number, to: number): boolean {
  if (lowersToAscii(text)) return mayHoldSecret(text.toLowerCase());
  return bytesMayHoldSecret(utf8, from, to);
}
