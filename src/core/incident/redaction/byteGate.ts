/**
 * The trigger gate of triggerGate.ts over raw ASCII bytes, for the output fast path: no decoding,
 * no lower-casing, two bytes per step. The scan looks up the three bytes at every even offset
 * (from where it starts) in a 2 MiB table, and checks a candidate trigger only where they can
 * belong to one. A trigger of four or more bytes always has its first three or its second to
 * fourth bytes at such an offset; shorter ones are also entered with any byte before or after
 * them. Case is ignored by setting bit 0x20 on both sides: for ASCII letters that is
 * lower-casing, and on other bytes it only lets more text in, so this gate passes everything the
 * string gate passes.
 */
import { gateTriggers, mayHoldSecret, minimalTriggers } from './triggerGate';

interface Candidate {
  bytes: Uint8Array;
  /** Where the trigger would start, relative to the first of the three bytes. */
  delta: number;
}

interface Table {
  /** One bit per three normalised bytes (2^21 bits, 256 KiB: it stays in the CPU's cache). */
  hit: Uint32Array;
  candidates: Map<number, Candidate[]>;
}

/** null: no table can stand for the triggers (a rule without triggers, or a one-byte or non-ASCII trigger). */
let table: Table | null | undefined;

/** Past the end of the range: a value no byte takes once normalised. */
const NONE = 0;
const norm = (b: number): number => (b | 0x20) & 0x7f;
const key = (a: number, b: number, c: number): number => a | (b << 7) | (c << 14);

function build(): Table | null {
  const words = gateTriggers();
  if (words === null) return null;
  const kept = minimalTriggers(words);
  if (kept.some((w) => w.length < 2 || /[^\x20-\x7e]/.test(w))) return null;
  const hit = new Uint32Array(1 << 16);
  const candidates = new Map<number, Candidate[]>();
  const add = (k: number, c: Candidate) => {
    hit[k >>> 5] |= 1 << (k & 31);
    const list = candidates.get(k);
    if (list) list.push(c);
    else candidates.set(k, [c]);
  };
  const any = [NONE, ...Array.from({ length: 128 }, (_, b) => b).filter((b) => norm(b) === b)];
  for (const w of kept) {
    const t = Uint8Array.from(Buffer.from(w, 'latin1'), norm);
    if (t.length >= 3) add(key(t[0], t[1], t[2]), { bytes: t, delta: 0 });
    if (t.length >= 4) add(key(t[1], t[2], t[3]), { bytes: t, delta: -1 });
    // Too short to be sure of three bytes of its own at an even offset: any neighbour will do.
    if (t.length === 3) for (const x of any) add(key(x, t[0], t[1]), { bytes: t, delta: 1 });
    if (t.length === 2) for (const x of any) {
      add(key(t[0], t[1], x), { bytes: t, delta: 0 });
      add(key(x, t[0], t[1]), { bytes: t, delta: 1 });
    }
  }
  return { hit, candidates };
}

/**
 * False only when no rule could fire on the text of `buf[from, to)`: the same verdict as
 * `mayHoldSecret(text.toLowerCase())` on its ASCII text, or true where that is false. Bytes of
 * other characters (0x80 and up) can only let more in: the key keeps their low 7 bits.
 */
export function bytesMayHoldSecret(buf: Uint8Array, from = 0, to = buf.length): boolean {
  if (table === undefined) table = build();
  if (table === null) return true;
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
function verify(table: Table, buf: Uint8Array, from: number, to: number, i: number, k: number): boolean {
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
const LOWERS_TO_ASCII = /[\u0130\u212a]/;

/**
 * The string gate's verdict for `text` (false only when no rule could fire), through its UTF-8
 * bytes: encoding and the byte scan cost less than lower-casing and the regex, most of all on
 * text with characters beyond Latin-1, which V8 keeps as two bytes per character.
 */
export function textMayHoldSecret(text: string): boolean {
  if (LOWERS_TO_ASCII.test(text)) return mayHoldSecret(text.toLowerCase());
  return bytesMayHoldSecret(Buffer.from(text, 'utf8'));
}
