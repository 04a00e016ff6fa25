/**
 * Durations as Prometheus reads them (`30s`, `5m`, `1h30m`, `2d`, `1w`, `1y`, `500ms`):
 * units from largest to smallest, each at most once, integers only. `0` alone is allowed.
 * The HTTP API also takes a plain (float) number of seconds for `step`, so that is accepted too.
 */
const PROM_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];

/** Milliseconds, or throws a one-line error naming `what`. */
export function parsePromDuration(text: string, what = 'duration'): number {
  const v = text.trim();
  if (v === '') throw new Error(`${what}: empty duration`);
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const m = PROM_DURATION.exec(v);
  if (!m || m.slice(1).every((g) => g === undefined)) {
    throw new Error(`${what}: "${text}" is not a Prometheus duration (e.g. 30s, 5m, 1h30m, 2d)`);
  }
  return m.slice(1).reduce((ms, g, i) => ms + (g === undefined ? 0 : Number(g) * UNIT_MS[i]), 0);
}

/** The shortest Prometheus spelling of `ms` (e.g. 5400000 → "1h30m"). */
export function formatPromDuration(ms: number): string {
  if (ms === 0) return '0s';
  const units = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
  let rest = Math.round(ms);
  let out = '';
  for (const [i, size] of UNIT_MS.entries()) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${units[i]}`;
      rest -= n * size;
    }
  }
  return out;
}
