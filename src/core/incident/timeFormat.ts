/** Human time formats shared by the post-mortem, the messages, the metrics and the status bar. */

const CANONICAL_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?Z$/;

/** "2026-11-27 21:39:05 UTC" style, always UTC so a post-mortem reads the same everywhere. */
export function formatUtc(iso: string | Date, withSeconds = true): string {
  // Timeline times are already canonical UTC: slice them (a post-mortem formats thousands).
  if (typeof iso === 'string' && CANONICAL_UTC.test(iso)) return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)} UTC`;
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  const s = d.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, withSeconds ? 19 : 16)} UTC`;
}

/** "HH:MM UTC" for message lines that already carry a date. */
export function formatUtcClock(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${d.toISOString().slice(11, 16)} UTC`;
}

/**
 * Compact duration: "45 s", "12 min", "1 h 05 min", "2 d 3 h". Negative values keep their sign.
 * `precise` is for runs, which are often short: "0.4 s", "1.2 s", "2 min 05 s", then as above.
 */
export function formatDuration(ms: number, o: { precise?: boolean } = {}): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (o.precise && abs < 59_950) return `${sign}${(abs / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(abs / 1000);
  if (totalSeconds < 60) return `${sign}${totalSeconds} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (o.precise && totalMinutes < 60) return `${sign}${totalMinutes} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  if (totalMinutes < 60) return `${sign}${totalMinutes} min`;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours < 24) return `${sign}${hours} h ${String(minutes).padStart(2, '0')} min`;
  const days = Math.floor(hours / 24);
  return `${sign}${days} d ${hours % 24} h`;
}

/** Short clock for the status bar: "7:05" (m:ss) under an hour, "1:02:05" above, "2 d 3 h" past a day. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  if (h >= 24) return formatDuration(total * 1000);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "2026-11" month key in UTC. */
export function utcMonth(iso: string): string {
  return new Date(iso).toISOString().slice(0, 7);
}
