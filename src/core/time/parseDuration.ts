/**
 * The one reader of durations people type: a bare number in `bareUnit`, or numbers with units
 * (`90s`, `15m`, `1h30m`, `2d`, `500ms`, `1.5h`, `45 s`). Block timeouts read a bare number as
 * seconds, settings such as update intervals as minutes. Prometheus' own stricter grammar is
 * src/core/integrations/promDuration.ts, since its durations are passed on to Prometheus.
 */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds, or undefined when `text` is not a duration. */
export function parseDuration(text: string, bareUnit: 's' | 'min'): number | undefined {
  const v = text.trim().toLowerCase().replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * UNIT_MS[bareUnit];
  const re = /(\d+(?:\.\d+)?)(ms|min|[smhd])/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed = re.lastIndex;
  }
  return consumed === v.length && consumed > 0 ? total : undefined;
}
