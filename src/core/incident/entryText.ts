/** One-line descriptions of timeline entries, for tables, lists and messages. */
import type { TimelineEntry } from './types';
import { firstCommand, runName } from '../runbook/runName';

const TEMPLATE_NAMES: Record<string, string> = { initial: 'the initial notification', update: 'a progress update', resolution: 'the resolution notice' };
const CHANNEL_NAMES: Record<string, string> = { slack: 'Slack', clipboard: 'copied to post by hand' };

/** The first non-blank line, trimmed and cut to `max`; ` …` when more non-blank lines follow. */
export function firstLine(text: string, max = 120): string {
  let line = '';
  let more = false;
  // Scans only as far as the second non-blank line: commands can be long scripts.
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const l = text.slice(start, end).trim();
    if (l) {
      if (line) {
        more = true;
        break;
      }
      line = l;
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return line.length > max ? `${line.slice(0, max - 1)}…` : line + (more ? ' …' : '');
}

/** A run whose start was recorded and whose result never was (still running, or the recorder died). */
export function isUnfinished(e: TimelineEntry): boolean {
  return (e.kind === 'command' || e.kind === 'query') && e.status === 'started';
}

/** Failed: a non-zero or missing exit code, or any failed command in the block (status 'failed'). */
export function isFailure(e: TimelineEntry): boolean {
  if (e.kind !== 'command' && e.kind !== 'query') return false;
  if (e.status === 'failed') return true;
  return e.status !== 'started' && e.exitCode !== 0 && e.exitCode !== undefined;
}

export const UNFINISHED_TEXT = 'started, not finished';

/** `exit 0, 2 failed commands (first: line 14, exit 1)` when an earlier command failed. */
function stepsText(e: TimelineEntry): string {
  const n = typeof e.failedSteps === 'number' ? e.failedSteps : 0;
  if (!n || (n === 1 && e.exitCode !== 0)) return '';
  const where = [e.failedLine !== undefined ? `line ${e.failedLine}` : '', e.failedExitCode !== undefined ? `exit ${e.failedExitCode}` : ''].filter(Boolean).join(', ');
  return `, ${n} failed command${n > 1 ? 's' : ''}${where ? ` (first: ${where})` : ''}`;
}

export function exitText(e: TimelineEntry): string {
  if (e.status === 'started') return UNFINISHED_TEXT;
  if (e.status === 'timeout') return 'timed out';
  if (e.status === 'stopped') return 'stopped';
  if (e.exitCode === null) return e.signal ? `killed by ${e.signal}` : e.error ? 'did not start' : 'killed';
  if (e.exitCode === undefined) return 'no exit code';
  return `exit ${e.exitCode}${stepsText(e)}`;
}

/**
 * How a run is named: its recorded `title`, or for entries written before titles were recorded,
 * the same rule applied on read (section heading, else first command). Code is in backticks.
 */
export function runTitle(e: Pick<TimelineEntry, 'title' | 'section' | 'command'>, max = 120): string {
  const recorded = typeof e.title === 'string' && e.title.trim() ? e.title : undefined;
  const name = recorded ? { text: recorded, isCode: recorded === firstCommand(e.command ?? '') } : runName({ section: e.section, code: e.command });
  if (!name) return `\`${firstLine(e.command ?? '', max)}\``;
  const text = firstLine(name.text, max);
  return name.isCode ? `\`${text}\`` : `“${text}”`;
}

export function describeEntry(e: TimelineEntry): string {
  switch (e.kind) {
    case 'command':
    case 'query':
      return `${e.kind === 'query' ? 'Query' : 'Ran'} ${runTitle(e)} (${exitText(e)})`;
    case 'status':
      return e.incidentStatus ? `Status: ${e.previousStatus ? `${e.previousStatus} → ` : ''}${e.incidentStatus}` : firstLine(e.text ?? 'Status change');
    case 'milestone':
      return e.milestone ? `Milestone: ${e.milestone}${e.recordedAt && e.recordedAt !== e.time ? ' (backdated)' : ''}` : firstLine(e.text ?? 'Milestone');
    case 'notification':
      // PagerDuty events and imported alerts carry their own sentence.
      if (!e.template && e.text) return firstLine(e.text);
      return `Sent ${e.template ? TEMPLATE_NAMES[e.template] : 'a message'}${e.channel ? ` (${CHANNEL_NAMES[e.channel] ?? e.channel})` : ''}`;
    case 'note':
    default:
      return firstLine(e.text ?? '');
  }
}
