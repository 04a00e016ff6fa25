import type { LastResult } from './runState';

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return `${m}m${String(s).padStart(2, '0')}s`;
}

/** `✓ 0 · 1.2s`, `✗ 3 · 0.4s`, `■ stopped · 2.0s`, `⏱ timeout · 600.0s`. */
export function resultLabel(r: LastResult): string {
  const d = formatDuration(r.durationMs);
  switch (r.status) {
    case 'ok': return `✓ ${r.exitCode ?? 0} · ${d}`;
    case 'failed': return `✗ ${r.exitCode ?? '?'} · ${d}`;
    case 'stopped': return `■ stopped · ${d}`;
    case 'timeout': return `⏱ timed out · ${d}`;
  }
}
