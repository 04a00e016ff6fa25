/**
 * Secret redaction. Everything written to disk or sent out passes through here.
 * (Placeholder implementation until the safety work lands: it redacts nothing.)
 */
export interface RedactionResult {
  text: string;
  /** How many values of each kind were replaced, e.g. { "aws-access-key": 1 }. */
  counts: Record<string, number>;
}

export function redactText(text: string): RedactionResult {
  return { text, counts: {} };
}

export function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
