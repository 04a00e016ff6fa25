/**
 * Parses the durations people write in settings and on the command line:
 * a number of minutes (15), or units ("15m", "1h", "1h30m", "2d", "90s").
 */
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDurationSpec(value: unknown, what: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value * 60_000;
    throw new Error(`${what}: expected a non-negative number of minutes, got ${value}`);
  }
  if (typeof value !== 'string' || !value.trim()) throw new Error(`${what}: expected minutes or a duration such as "15m" or "1h"`);
  const text = value.trim().toLowerCase().replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 60_000;
  const re = /(\d+(?:\.\d+)?)(min|[smhd])/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed = re.lastIndex;
  }
  if (consumed !== text.length || consumed === 0) {
    throw new Error(`${what}: cannot read "${value}" as a duration (use e.g. 15m, 1h, 1h30m, 2d)`);
  }
  return total;
}
