import type { TimelineEntry } from './types';
import { capOutput } from '../exec/outputCap';
import { linesText } from '../runbook/blockLabel';
import { exitText } from './entryText';
import { GENERATED_MARKER } from './generatedDocs';

/** timeline.md shows a short excerpt; the full output stays in outputs/<id>.log. */
const MARKDOWN_OUTPUT_CAP = 4 * 1024;

const STATUS_MARK: Record<string, string> = { ok: '✓', failed: '✗', stopped: '■', timeout: '⏱', started: '▶' };

/** A fence longer than any run of backticks inside `text`, so output cannot close it early. */
function fenced(text: string, lang: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.endsWith('\n') ? text : text + '\n'}${fence}\n`;
}

function utc(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

function headline(e: TimelineEntry): string {
  const parts = [utc(e.time)];
  if (e.kind === 'command' || e.kind === 'query') {
    const status = typeof e.status === 'string' ? e.status : undefined;
    const mark = status ? STATUS_MARK[status] ?? '' : '';
    const result = status === 'timeout' ? 'timed out' : status === 'stopped' ? 'stopped' : status === 'started' ? 'started'
      : e.exitCode !== undefined && e.exitCode !== null ? exitText(e) : e.signal ? `killed (${e.signal})` : e.error ? 'did not start' : status ?? e.kind;
    parts.push(`${mark ? mark + ' ' : ''}${result}`);
    if (e.durationMs !== undefined) parts.push(seconds(e.durationMs));
    const where = e.section?.length ? e.section[e.section.length - 1] : undefined;
    const what = e.block !== undefined ? `${e.kind === 'query' ? 'query ' : ''}block ${e.block}` : e.kind;
    parts.push(`${what}${where ? ` — ${where}` : ''}`);
  } else {
    parts.push(e.kind);
  }
  return parts.join(' · ');
}

function details(e: TimelineEntry): string[] {
  const lines: string[] = [];
  if (e.runbook) {
    const ran = e.lines ? `${linesText(e.lines)} only (Run Selection)` : '';
    const at = [e.block !== undefined ? `block ${e.block}` : '', e.line !== undefined ? `line ${e.line}` : '', ran].filter(Boolean).join(', ');
    lines.push(`- Runbook: \`${e.runbook}\`${at ? ` (${at})` : ''}`);
  }
  if (e.section?.length) lines.push(`- Section: ${e.section.join(' › ')}`);
  if (e.status === 'started') {
    // Written before the process starts; timeline.md is never rewritten, so the result comes later.
    lines.push(`- Result: a later entry when the run ends; if none follows, the run never finished (interrupted by a crash)`);
  }
  if (e.failedCommand !== undefined || e.failedLine !== undefined) {
    const at = [e.failedLine !== undefined ? `line ${e.failedLine}` : '', e.failedExitCode !== undefined ? `exit ${e.failedExitCode}` : ''].filter(Boolean).join(', ');
    lines.push(`- First failed command: ${e.failedCommand !== undefined ? `\`${e.failedCommand.replace(/`/g, "'")}\`` : ''}${at ? ` (${at})` : ''}`);
  }
  if (e.stepsChecked === false) lines.push('- Commands not checked one by one: this shell has no ERR trap, only the last exit code is known');
  if (e.error) lines.push(`- Error: ${e.error}`);
  if (e.kind === 'command' || e.target) {
    lines.push(`- Target: ${e.target ? `\`${e.target.context}\` / \`${e.target.namespace}\`` : 'none (local environment)'}`);
  }
  const by = [e.actor ? `by ${e.actor}` : '', e.confirmation && e.confirmation.method !== 'none' ? `confirmed (${e.confirmation.method})` : ''].filter(Boolean);
  if (by.length) lines.push(`- ${by.join(', ')}`);
  if (e.outputFile) {
    const redacted = Object.entries(e.redactions ?? {}).map(([k, n]) => `${n} ${k}`).join(', ');
    lines.push(`- Full output: [${e.outputFile}](${e.outputFile})${e.truncated ? ' (excerpt below)' : ''}${redacted ? ` · redacted: ${redacted}` : ''}`);
  }
  return lines;
}

/** One entry as a self-contained Markdown block, to be appended to timeline.md. */
export function renderEntryMarkdown(e: TimelineEntry): string {
  const out: string[] = [`### ${headline(e)}`, `<!-- entry ${e.id} -->`, ''];
  const meta = details(e);
  if (meta.length) out.push(...meta, '');
  if (e.text) out.push(e.text.trim(), '');
  if (e.command !== undefined) out.push(fenced(e.command, e.kind === 'query' ? 'promql' : 'bash'));
  if (e.output) {
    out.push('<details><summary>Output</summary>', '', fenced(capOutput(e.output, MARKDOWN_OUTPUT_CAP).text, 'text'), '</details>', '');
  }
  return out.join('\n').replace(/\n*$/, '\n');
}

/** The first lines of a new timeline.md. */
export function renderTimelineHeader(title: string): string {
  // The marker keeps the quoted commands from getting ▶ Run lenses (see generatedDocs.ts).
  return `${GENERATED_MARKER} timeline · a record, not a runbook: its blocks do not run -->\n# Timeline: ${title}\n\nAppend-only: Runbook Lens adds entries at the end and never rewrites this file, so notes written here by hand are kept.\n`;
}
