import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { addNote, isMilestone, isStatus, markMilestone, MILESTONES, pinEntry, setDetails, setSeverity, setStatus, startIncident, STATUSES } from '../../core/incident/lifecycle';
import { describeSync, joinIncident, shareIncident, syncShared, type TeamSyncOutcome } from '../../core/team/teamIncident';
import { readIncident } from '../../core/incident/incidentStore';
import { readTimeline } from '../../core/incident/timeline';
import { parseMilestoneTime } from '../../core/incident/milestoneTime';
import { isSeverity, resolveResponseTargets, responseState, describeTarget } from '../../core/incident/responseTargets';
import { formatDuration, formatUtc } from '../../core/incident/timeFormat';
import { incidentDurations, DURATION_NAMES, DURATION_SPANS } from '../../core/incident/incidentDurations';
import { parseCommandArgs, parsePositiveInt, UsageError, withUsageErrors } from '../args';
import { readWorkspaceSettings } from '../workspaceSettings';
import { actorName } from '../actor';
import { targetFromFlags, targetOptions } from '../kubeTarget';

export const help = `Usage: runbook-lens incident <subcommand> …

  start ROOT --title TITLE --severity P0|P1|P2|P3 [--commander NAME] [--context NAME --namespace NS]
      Create <ROOT>/<UTC yyyy-mm-dd-HHMM>-<slug>/ and print its path.
  status DIR investigating|identified|monitoring|resolved
      Change the status (recorded as a status entry). monitoring also marks 'mitigated'
      and resolved marks 'resolved' when those milestones are not set yet.
  milestone DIR started|detected|acknowledged|mitigated|resolved [--at TIME]
      Mark a milestone, now or backdated. TIME: ISO-8601 (UTC when no zone is given),
      HH:MM (UTC, today or else yesterday) or an offset such as -15m or "1h ago".
  note DIR TEXT
      Add a note (TEXT '-' reads standard input).
  pin DIR ENTRY_ID [--unpin]
      Pin an entry so the post-mortem features it (appends a marker; nothing is rewritten).
  severity DIR P0|P1|P2|P3
      Change the severity (recorded as a severity entry).
  set DIR [--title T] [--commander NAME] [--impact T] [--root-cause T] [--resolution T]
      Set the facts the messages and the post-mortem use (an empty value clears one).
  show DIR [--json]
      Print the incident: status, milestones, durations and the response target.
  share DIR [--remote NAME] [--max-shared-output-kib N]
      Share the incident with the team on a git remote (default origin) of the repository the
      command runs in, on its own branch runbook-lens/incidents/<id>; then sync it. An output
      over N KiB (default: runbookLens.team.maxSharedOutputKiB in the repository's
      .vscode/settings.json, else 1024) is shared as its head and tail; the folder keeps N for
      later syncs.
  join ID --remote NAME [--into ROOT] [--max-shared-output-kib N]
      Fetch a shared incident (ID as 'show DIR --json' prints it) into ROOT/ID (ROOT default:
      incidents) and print the folder's path. N as for share.
  sync DIR
      Exchange entries with the team now (run --incident DIR does it after each run).

Every change is appended to DIR/timeline.jsonl (and timeline.md); DIR/incident.json is rebuilt
from it. The actor is RUNBOOK_LENS_ACTOR, else git's user.name, else the login name.
Exit status: 0 on success, 1 when DIR is not an incident folder or a sync fails, 2 for bad
arguments; share and sync print "offline, N entries not shared yet" and exit 0 when the remote
cannot be reached (the entries go out on the next sync).`;

const ACTIONS: Record<string, (argv: string[]) => Promise<number>> = { start, status, severity, milestone, note, pin, set, show, share, join, sync };

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  return withUsageErrors('incident', async () => {
    const action = sub ? ACTIONS[sub] : undefined;
    if (!action) throw new UsageError(sub ? `unknown subcommand '${sub}' (use ${Object.keys(ACTIONS).join(', ')})` : `missing subcommand (use ${Object.keys(ACTIONS).join(', ')})`);
    return action(rest);
  });
}

const who = (): { actor?: string } => ({ actor: actorName() });
const out = (text: string): void => { process.stdout.write(text.endsWith('\n') ? text : `${text}\n`); };

async function start(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    title: { type: 'string' }, severity: { type: 'string' }, commander: { type: 'string' }, ...targetOptions,
  }, { min: 1, max: 1, names: 'ROOT (the folder that holds incident folders)' });
  if (!values.title?.trim()) throw new UsageError('missing --title TITLE');
  const severity = values.severity?.toUpperCase();
  if (!isSeverity(severity)) throw new UsageError(`--severity must be P0, P1, P2 or P3${values.severity ? ` (got '${values.severity}')` : ''}`);
  const target = targetFromFlags(values)?.target ?? null;
  const { dir } = await startIncident(positionals[0], { title: values.title, severity, commander: values.commander, target }, who());
  out(path.resolve(dir));
  return 0;
}

async function status(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, { min: 2, max: 2, names: 'DIR and STATUS' });
  const [dir, value] = positionals;
  if (!isStatus(value)) throw new UsageError(`STATUS must be one of ${STATUSES.join(', ')} (got '${value}')`);
  const { incident, implied } = await setStatus(dir, value, who());
  out(`${incident.title}: ${value}${implied.length ? ` (marked ${implied.join(', ')})` : ''}`);
  return 0;
}

async function severity(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, { min: 2, max: 2, names: 'DIR and SEVERITY' });
  const [dir, raw] = positionals;
  const value = raw.toUpperCase();
  if (!isSeverity(value)) throw new UsageError(`SEVERITY must be P0, P1, P2 or P3 (got '${raw}')`);
  const incident = await setSeverity(dir, value, who());
  out(`${incident.title}: ${value}`);
  return 0;
}

async function milestone(argv: string[]): Promise<number> {
  // `--at -15m` would read as an option: keep the value with its flag.
  const args = argv.map((a, i) => (argv[i - 1] === '--at' && a.startsWith('-') ? `--at=${a}` : a)).filter((a, i) => !(a === '--at' && argv[i + 1]?.startsWith('-')));
  const { values, positionals } = parseCommandArgs(args, { at: { type: 'string' } }, { min: 2, max: 2, names: 'DIR and MILESTONE' });
  const [dir, name] = positionals;
  if (!isMilestone(name)) throw new UsageError(`MILESTONE must be one of ${MILESTONES.join(', ')} (got '${name}')`);
  let at: Date | undefined;
  try {
    at = values.at !== undefined ? parseMilestoneTime(values.at, new Date()) : undefined;
  } catch (err) {
    throw new UsageError(`--at: ${(err as Error).message}`);
  }
  const { incident, warnings } = await markMilestone(dir, name, at, who());
  out(`${incident.title}: ${name} at ${formatUtc(incident.milestones[name]!)}`);
  for (const w of warnings) process.stderr.write(`runbook-lens incident: warning: ${w}\n`);
  return 0;
}

async function note(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, { min: 2, max: 2, names: 'DIR and TEXT' });
  const [dir, text] = positionals;
  const body = text === '-' ? readFileSync(0, 'utf8') : text;
  const e = await addNote(dir, body, who());
  out(e.id);
  return 0;
}

async function pin(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { unpin: { type: 'boolean' } }, { min: 2, max: 2, names: 'DIR and ENTRY_ID' });
  const e = await pinEntry(positionals[0], positionals[1], { ...who(), unpin: values.unpin });
  out(e.text ?? e.id);
  return 0;
}

async function set(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    title: { type: 'string' }, commander: { type: 'string' }, impact: { type: 'string' }, 'root-cause': { type: 'string' }, resolution: { type: 'string' },
  }, { min: 1, max: 1, names: 'DIR' });
  const incident = await setDetails(positionals[0], {
    title: values.title, commander: values.commander, impact: values.impact, rootCause: values['root-cause'], resolution: values.resolution,
  }, who());
  out(`${incident.title}: updated`);
  return 0;
}

async function show(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'DIR' });
  const dir = positionals[0];
  const incident = await readIncident(dir);
  const { entries, problems } = await readTimeline(dir);
  const { targets } = resolveResponseTargets(undefined);
  const response = responseState(incident, targets, new Date());
  const durations = incidentDurations(incident);
  for (const p of problems) process.stderr.write(`runbook-lens incident: ${p}\n`);
  if (values.json) {
    out(JSON.stringify({ dir: path.resolve(dir), incident, entries: entries.length, durationsMs: durations, response }, null, 2));
    return 0;
  }
  const lines = [
    `${incident.title} (${incident.severity}, ${incident.status})`,
    `  folder:       ${path.resolve(dir)}`,
    `  commander:    ${incident.commander ?? '—'}`,
    `  entries:      ${entries.length}`,
    ...(['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const).map((m) => `  ${(m + ':').padEnd(14)}${incident.milestones[m] ? formatUtc(incident.milestones[m]!) : '—'}`),
    ...DURATION_NAMES.map((d) => `  ${DURATION_SPANS[d].label.toLowerCase().padEnd(22)}${durations[d] === null ? '—' : formatDuration(durations[d]!)}`),
    `  response target ${describeTarget(targets[incident.severity])}: ${response.level} (${formatDuration(response.elapsedMs)})`,
  ];
  out(lines.join('\n'));
  return 0;
}

function report(o: TeamSyncOutcome): void {
  process.stderr.write(`runbook-lens incident: ${describeSync(o)}\n`);
}

/** --max-shared-output-kib N, else runbookLens.team.maxSharedOutputKiB of the repository the command runs in. */
function sharedOutputLimit(flag: string | undefined): number {
  if (flag !== undefined) return parsePositiveInt(flag, '--max-shared-output-kib');
  // Its lookup starts in the folder of the file it is given: the working directory here.
  return readWorkspaceSettings(path.join(process.cwd(), 'settings')).teamMaxSharedOutputKiB;
}

async function share(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { remote: { type: 'string' }, 'max-shared-output-kib': { type: 'string' } }, { min: 1, max: 1, names: 'DIR' });
  const o = await shareIncident(positionals[0], { cwd: process.cwd(), remote: values.remote ?? 'origin', actor: actorName(), maxSharedOutputKiB: sharedOutputLimit(values['max-shared-output-kib']) });
  report(o);
  out(`${o.link.incidentId} → ${o.link.remote} (branch runbook-lens/incidents/${o.link.incidentId})`);
  return 0;
}

async function join(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { remote: { type: 'string' }, into: { type: 'string' }, 'max-shared-output-kib': { type: 'string' } }, { min: 1, max: 1, names: 'ID' });
  if (!values.remote) throw new UsageError('missing --remote NAME (a git remote of the repository the command runs in)');
  const o = await joinIncident(positionals[0], { cwd: process.cwd(), remote: values.remote, into: values.into ?? 'incidents', maxSharedOutputKiB: sharedOutputLimit(values['max-shared-output-kib']) });
  report(o);
  out(o.dir);
  return 0;
}

async function sync(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, { min: 1, max: 1, names: 'DIR' });
  const o = await syncShared(positionals[0]);
  out(describeSync(o));
  return 0;
}
