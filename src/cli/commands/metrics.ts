import { computeMetrics, type MetricsReport, type Stat } from '../../core/incident/metrics';
import { readIncidentRecords } from '../../core/incident/incidentRecords';
import { DURATION_NAMES, DURATION_SPANS } from '../../core/incident/incidentDurations';
import { SEVERITIES } from '../../core/incident/severitySetting';
import { formatDuration } from '../../core/incident/timeFormat';
import { parseCommandArgs, withUsageErrors } from '../args';

export const help = `Usage: runbook-lens metrics ROOT [--json]

Read every incident folder under ROOT (a folder with an incident.json, up to three levels
down) and print: time to detect, acknowledge, mitigate and resolve per incident, their
mean and median by severity; incident counts by severity and by month (UTC); and the repeat
rate: incidents in which a runbook block failed that had also failed in an incident that
started at most 30 days earlier.

Time to detect, mitigate and resolve count from the 'started' milestone; time to
acknowledge counts from 'detected'. Missing milestones leave a duration out.

Options:
  --json      Print the whole report as JSON (durations in milliseconds).
  -h, --help  Show this help.

Exit status: 0 on success (unreadable folders are reported on stderr and left out),
1 when ROOT cannot be read, 2 for bad arguments.`;

export async function run(argv: string[]): Promise<number> {
  return withUsageErrors('metrics', async () => {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'ROOT (the folder holding incident folders)' });
    const { records, problems } = await readIncidentRecords(positionals[0]);
    for (const p of problems) process.stderr.write(`runbook-lens metrics: ${p}\n`);
    const report = computeMetrics(records);
    process.stdout.write(values.json ? JSON.stringify({ ...report, problems }, null, 2) + '\n' : renderText(report));
    return 0;
  });
}

const d = (ms: number | null): string => (ms === null ? '—' : formatDuration(ms));
const cell = (s: Stat): string => (s.n ? `${d(s.meanMs)} / ${d(s.medianMs)}` : '—');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}

function renderText(m: MetricsReport): string {
  if (!m.incidents.length) return 'No incidents found.\n';
  const parts: string[] = [];
  parts.push(`${m.incidents.length} incidents\n\n`);
  parts.push('Per incident\n');
  parts.push(table([
    ['STARTED (UTC)', 'SEV', 'STATUS', 'DETECT', 'ACK', 'MITIGATE', 'RESOLVE', 'REPEAT', 'TITLE'],
    ...m.incidents.map((r) => [
      r.started.slice(0, 16).replace('T', ' '), r.severity, r.status,
      d(r.durationsMs.detect), d(r.durationsMs.acknowledge), d(r.durationsMs.mitigate), d(r.durationsMs.resolve),
      r.repeatOf.length ? 'yes' : '', r.title,
    ]),
  ]));
  parts.push('\nMean / median by severity\n');
  parts.push(table([
    ['SEV', 'COUNT', ...DURATION_NAMES.map((n) => DURATION_SPANS[n].label.toUpperCase())],
    ...SEVERITIES.map((s) => [s, String(m.bySeverity[s].count), ...DURATION_NAMES.map((n) => cell(m.bySeverity[s][n]))]),
    ['all', String(m.overall.count), ...DURATION_NAMES.map((n) => cell(m.overall[n]))],
  ]));
  parts.push('\nIncidents by month\n');
  parts.push(table([
    ['MONTH', ...SEVERITIES, 'TOTAL'],
    ...Object.entries(m.byMonth).map(([month, c]) => [month, ...SEVERITIES.map((s) => String(c[s])), String(c.total)]),
  ]));
  const rate = m.repeat.rate === null ? '—' : `${Math.round(m.repeat.rate * 1000) / 10} %`;
  parts.push(`\nRepeat rate: ${rate} (${m.repeat.repeats} of ${m.repeat.total} incidents repeat a failing runbook block within ${m.repeat.windowDays} days)\n`);
  for (const b of m.repeat.blocks) parts.push(`  ${b.block}: ${b.incidents.join(', ')}\n`);
  return parts.join('');
}
