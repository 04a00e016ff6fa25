/**
 * The table of the byte gate (byteGate.ts, byteGate.wat). The gate looks up the three bytes at
 * every even offset (from where the range starts) in a table of 2^21 bits, and checks a
 * candidate trigger only where they can belong to one. A trigger of four or more bytes always
 * has its first three or its second to fourth bytes at such an offset; shorter ones are also
 * entered with any byte before or after them. Case is ignored by setting bit 0x20 on both
 * sides: for ASCII letters that is lower-casing, and on other bytes it only lets more text in.
 */
import { gateTriggers, minimalTriggers } from './triggerGate';

export interface Candidate {
  /** The trigger, normalised. */
  bytes: Uint8Array;
  /** Where the trigger would start, relative to the first of the three bytes. */
  delta: number;
}

export interface GateTable {
  /** One bit per three normalised bytes (2^21 bits, 256 KiB: it stays in the CPU's cache). */
  hit: Uint32Array;
  candidates: Map<number, Candidate[]>;
  /** The longest trigger's length. */
  longest: number;
}

/** Past the end of the range: a value no byte takes once normalised. */
export const NONE = 0;
export const norm = (b: number): number => (b | 0x20) & 0x7f;
export const key = (a: number, b: number, c: number): number => a | (b << 7) | (c << 14);

/** null: no table can stand for the triggers (a rule without triggers, or a one-byte or non-ASCII trigger). */
export function buildGateTable(): GateTable | null {
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
  return { hit, candidates, longest: Math.max(...kept.map((w) => w.length)) };
}
