/**
 * The post-mortem draft: facts from incident.json and
 * the timeline, judgement left as clearly marked prompts for people.
 */
import * as path from 'node:path';
import type { Incident, Severity, TimelineEntry } from './types';
import { DURATION_NAMES, DURATION_SPANS, incidentDurations, milestoneTimes } from './incidentDurations';
import { describeEntry, exitText, firstLine, isFailure, isUnfinished, runTitle } from './entryText';
import { firstCommand } from '../runbook/runName';
import { formatDuration, formatUtc } from './timeFormat';
import { mdCell, mdCode, mdFence, mdLinkTarget } from './markdownText';
import { MarkdownLines } from './markdownLines';
import { memoize2, memoize3 } from './memoize';
import { isPinMarker, pinnedIds, sortByTime } from './pins';
import { DEFAULT_RESPONSE_TARGETS, describeTarget, responseState, type ResponseTarget } from './responseTargets';

/** Every prompt starts with this, so people (and `grep`) can find what is left to write. */
export const PROMPT_MARK = '✍️ **To fill in:**';

/** Above this many entries the timeline table keeps only the notable ones. */
export const FULL_TABLE_LIMIT = 150;

export interface PostmortemInput {
  incident: Incident;
  entries: readonly TimelineEntry[];
  /** The incident folder; output links are made relative to it. */
  incidentDir: string;
  targets?: Record<Severity, ResponseTarget>;
  /** Link to a runbook line from the incident folder, when the runbook file is known. */
  runbookHref?(runbook: string, line?: number): string | undefined;
}

const prompt = (text: string): string => `> ${PROMPT_MARK} ${text}`;

export function renderPostmortem(input: PostmortemInput): string {
  const { incident } = input;
  const all = sortByTime(input.entries);
  const entries = all.filter((e) => !isPinMarker(e));
  const pinned = pinnedIds(input.entries);
  const runs = entries.filter((e) => e.kind === 'command' || e.kind === 'query');
  const failures = runs.filter(isFailure);
  const unfinished = runs.filter(isUnfinished);
  const ms = milestoneTimes(incident);
  const durations = incidentDurations(incident);
  const targets = input.targets ?? { ...DEFAULT_RESPONSE_TARGETS };
  const doc = new MarkdownLines();
  const push = (...lines: string[]): void => {
    for (const line of lines) doc.line(line);
  };

  const outputLink = (e: TimelineEntry): string => {
    if (!e.outputFile) return '';
    const rel = path.isAbsolute(e.outputFile) ? path.relative(input.incidentDir, e.outputFile) : e.outputFile;
    return `[output](${mdLinkTarget(rel)})`;
  };
  const whereCell = memoize2((runbook: string | undefined, line: number | undefined): string => {
    if (!runbook) return '';
    const label = `${runbook}${line ? `:${line}` : ''}`;
    const href = input.runbookHref?.(runbook, line);
    return href ? `[${mdCell(label)}](${href})` : mdCell(label);
  });
  const where = (e: TimelineEntry): string => whereCell(e.runbook, e.line);
  // The cells of a run's row depend on a few fields each, which repeat from run to run.
  const titleCell = memoize3((title: string | undefined, heading: string | undefined, command: string | undefined): string =>
    mdCell(runTitle({ title, section: heading === undefined ? undefined : [heading], command }, 80)));
  const stepCell = (e: TimelineEntry): string => titleCell(e.title, e.section?.length ? e.section[e.section.length - 1] : undefined, e.command);
  const commandCells = memoize2((command: string | undefined, max: number): string => mdCell(mdCode(commandCell(command, max))));

  // Header
  push(`# Post-mortem: ${incident.title}`, '');
  push('| | |', '|---|---|');
  push(`| Severity | ${incident.severity} |`);
  push(`| Status | ${incident.status} |`);
  push(`| Commander | ${mdCell(incident.commander ?? '—')} |`);
  push(`| Impact started | ${ms.started ? formatUtc(ms.started) : '—'} |`);
  push(`| Declared | ${formatUtc(incident.createdAt)} |`);
  push(`| Resolved | ${ms.resolved ? formatUtc(ms.resolved) : 'not yet'} |`);
  push(`| Duration | ${durations.resolve !== null ? formatDuration(durations.resolve) : 'ongoing'} |`);
  if (incident.target) push(`| Cluster | ${mdCell(`${incident.target.context} / ${incident.target.namespace}`)} |`);
  push(`| Incident | ${mdCode(incident.id)} |`);
  push('');
  push(`Facts in this draft come from the incident timeline. Paragraphs starting with ${PROMPT_MARK} are prompts for people: replace them.`, '');

  push('## Summary', '');
  const counts = `${runs.length} command${runs.length === 1 ? '' : 's'} run (${failures.length} failed${unfinished.length ? `, ${unfinished.length} started and never finished` : ''}), ` +
    `${plural(entries.filter((e) => e.kind === 'note').length, 'note')}, ${plural(entries.filter((e) => e.kind === 'notification').length, 'message')} sent`;
  push(`${incident.severity} incident${durations.resolve !== null ? `, resolved ${formatDuration(durations.resolve)} after it started` : ', not resolved yet'}; ${counts}.`, '');
  push(prompt('Two or three sentences: what happened, who was affected, how it ended.'), '');

  push('## Impact', '');
  push(incident.impact ? incident.impact : prompt('Who and what was affected, for how long, how badly (users, requests, data, money)?'), '');

  push('## Detection', '');
  if (ms.detected) push(`- Detected ${formatUtc(ms.detected)}${durations.detect !== null ? `, ${formatDuration(durations.detect)} after the start of impact` : ''}.`);
  else push('- No `detected` milestone was recorded.');
  const resp = responseState(incident, targets, new Date(ms.acknowledged ?? ms.resolved ?? Date.now()));
  if (ms.acknowledged) {
    push(`- Acknowledged ${formatUtc(ms.acknowledged)}; response target for ${incident.severity} is ${describeTarget(targets[incident.severity])}: ${resp.level === 'met' ? 'met' : 'missed'}.`);
  } else push('- No `acknowledged` milestone was recorded.');
  push('', prompt('How was it detected (alert, dashboard, customer report)? Could it have been detected sooner?'), '');

  push('## Trigger', '');
  push(prompt('What change or event set it off (deployment, config change, traffic, hardware)?'), '');

  push('## Root cause', '');
  push(incident.rootCause ? incident.rootCause : prompt('What exactly failed, and why? Why was it not caught earlier?'), '');

  push('## Contributing factors', '');
  push(prompt('Technical, process and human factors: recent changes, environment, procedures followed or not, adequacy of tools, communication.'), '');

  push('## Mitigation and resolution', '');
  if (ms.mitigated) push(`- Mitigated ${formatUtc(ms.mitigated)}${durations.mitigate !== null ? ` (${formatDuration(durations.mitigate)} after the start of impact)` : ''}.`);
  if (ms.resolved) push(`- Resolved ${formatUtc(ms.resolved)}${durations.resolve !== null ? ` (${formatDuration(durations.resolve)} after the start of impact)` : ''}.`);
  if (incident.resolution) push(`- ${incident.resolution}`);
  if (!ms.mitigated && !ms.resolved && !incident.resolution) push('- Neither `mitigated` nor `resolved` was recorded.');
  push('', prompt('What stopped the impact, and what made the fix permanent?'), '');

  const pinnedEntries = pinned.size ? entries.filter((e) => pinned.has(e.id)) : [];
  push('## Key moments (pinned)', '');
  if (!pinnedEntries.length) push('No entries were pinned. Pin entries in the timeline to feature them here.', '');
  for (const e of pinnedEntries) {
    push(`### ${formatUtc(e.time)} — ${mdCell(describeEntry(e))}`, '');
    if (e.kind === 'command' || e.kind === 'query') {
      const meta = [where(e), e.durationMs !== undefined ? `took ${formatDuration(e.durationMs)}` : '', outputLink(e)].filter(Boolean);
      if (meta.length) push(meta.join(' · '), '');
      push(mdFence(e.command ?? '', 'sh'), '');
      if (e.output) push(mdFence(excerpt(e.output, 15)), '');
    } else if (e.text && e.kind !== 'note') push(e.text, '');
    else if (e.text && e.text.includes('\n')) push(e.text, '');
  }

  push('## Failed steps', '');
  if (!failures.length && !unfinished.length) push('No command failed.', '');
  else {
    push('| Time (UTC) | Runbook | Step | Command | Result | Output |', '|---|---|---|---|---|---|');
    // A run with no recorded result is listed with the failures: nobody knows it succeeded.
    for (const e of runs.filter((r) => isFailure(r) || isUnfinished(r))) {
      push(`| ${formatUtc(e.time)} | ${where(e)} | ${stepCell(e)} | ${commandCells(e.command, 80)} | ${exitText(e)} | ${outputLink(e)} |`);
    }
    push('');
  }

  push('## Timeline (UTC)', '');
  const notable = (e: TimelineEntry): boolean => !(e.kind === 'command' || e.kind === 'query') || isFailure(e) || isUnfinished(e) || pinned.has(e.id);
  const rows = entries.length > FULL_TABLE_LIMIT ? entries.filter(notable) : entries;
  if (rows.length < entries.length) {
    push(`${entries.length - rows.length} successful commands are left out of this table (the timeline has ${entries.length} entries); all commands are in the evidence appendix.`, '');
  }
  push('| Time (UTC) | Event | Actor |', '|---|---|---|');
  for (const e of rows) push(`| ${formatUtc(e.time)} | ${pinned.has(e.id) ? '📌 ' : ''}${mdCell(describeEntry(e))} | ${mdCell(e.actor ?? '')} |`);
  push('');

  push('## What went well', '', prompt('Tools, people and procedures that helped.'), '');
  push('## What went badly', '', prompt('What slowed the response down or made it worse?'), '');
  push('## Where we got lucky', '', prompt('What could have made this much worse, but did not?'), '');

  push('## Action items', '');
  push('### Immediate (complete within 24 hours)', '', `- [ ] ${PROMPT_MARK} e.g. fix the identified bug, update monitoring alerts, document the workaround (owner, due date)`, '');
  push('### Short-term (complete within 1 week)', '', `- [ ] ${PROMPT_MARK} e.g. better error handling, automated recovery, runbook updates (owner, due date)`, '');
  push('### Long-term (complete within 1 month)', '', `- [ ] ${PROMPT_MARK} e.g. architectural, process or training improvements (owner, due date)`, '');
  if (failures.length) {
    const blocks = [...new Set(failures.filter((e) => e.runbook).map((e) => `${e.runbook}${e.line ? `:${e.line}` : ''}`))];
    if (blocks.length) push(`Runbook steps that failed and may need an update: ${blocks.map((b) => mdCode(b)).join(', ')}.`, '');
  }

  push('## Metrics', '');
  push('| Metric | From | To | Duration |', '|---|---|---|---|');
  for (const name of DURATION_NAMES) {
    const span = DURATION_SPANS[name];
    const d = durations[name];
    push(`| ${span.label} | ${span.from} ${ms[span.from] ? formatUtc(ms[span.from]!) : '(not recorded)'} | ${span.to} ${ms[span.to] ? formatUtc(ms[span.to]!) : '(not recorded)'} | ${d === null ? '—' : formatDuration(d)} |`);
  }
  push('');
  push(`Response target (${incident.severity}): ${describeTarget(targets[incident.severity])}; ` +
    (ms.acknowledged ? `acknowledged ${formatDuration(resp.elapsedMs)} after ${ms.detected ? 'detection' : 'the start'} (${resp.level === 'met' ? 'met' : 'missed'}).` : 'no acknowledgement recorded.'), '');

  push('## Evidence appendix', '');
  if (!runs.length) push('No commands were run from a runbook during this incident.', '');
  else {
    push('| # | Time (UTC) | Runbook | Step | Command | Result | Duration | Output |', '|---|---|---|---|---|---|---|---|');
    runs.forEach((e, i) => {
      push(`| ${i + 1} | ${formatUtc(e.time)} | ${where(e)} | ${stepCell(e)} | ${commandCells(e.command, 100)} | ${exitText(e)}${e.truncated ? ' (output truncated)' : ''} | ${e.durationMs !== undefined ? formatDuration(e.durationMs) : ''} | ${outputLink(e)} |`);
    });
    push('');
  }
  const sent = entries.filter((e) => e.kind === 'notification');
  if (sent.length) {
    push('### Messages sent', '');
    for (const e of sent) push(`- ${formatUtc(e.time)} ${mdCell(describeEntry(e))}`);
    push('');
  }
  return doc.text();
}

/**
 * Lets go of what the draft never reads (a run's target and redaction counts; the output excerpt
 * of an entry that is not pinned), so the scavenges while it is rendered copy less of the parsed
 * timeline. For entries read for the draft alone: it changes them.
 */
export function forgetUnread(entries: TimelineEntry[]): void {
  const pinned = pinnedIds(entries);
  for (const e of entries) {
    if (e.target !== undefined) e.target = undefined;
    if (e.redactions !== undefined) e.redactions = undefined;
    if (e.output !== undefined && !pinned.has(e.id)) e.output = undefined;
  }
}

/** The first command of a run (not its shebang or a comment), with ` …` when more lines follow. */
function commandCell(command: string | undefined, max: number): string {
  const code = command ?? '';
  const first = firstCommand(code);
  if (first === undefined) return firstLine(code, max);
  const rest = code.slice(code.indexOf(first) + first.length);
  return firstLine(first, max) + (/\S/.test(rest) ? ' …' : '');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The first `lines` lines of an output, with a note when more follow. */
function excerpt(text: string, lines: number): string {
  const all = text.replace(/\n$/, '').split('\n');
  return all.length <= lines ? all.join('\n') : [...all.slice(0, lines), `… (${all.length - lines} more lines in the output file)`].join('\n');
}
