import * as os from 'node:os';
import { authFromEnv } from '../../core/integrations/httpAuth';
import { IntegrationError } from '../../core/integrations/httpErrors';
import { alertName, describeAlert, listActiveAlerts, type Alert } from '../../core/integrations/alertmanagerClient';
import { recordAlert } from '../../core/integrations/alertRecord';
import { ensureIncidentDir, readIncident } from '../../core/incident/incidentStore';
import { markMilestone } from '../../core/incident/lifecycle';
import { parseCommandArgs, UsageError, withUsageErrors } from '../args';

export const help = `Usage: runbook-lens alerts [--alertmanager URL] [--json]
                           [--incident DIR --add NAME|FINGERPRINT|all ... [--detected]]

List the active alerts of an Alertmanager (API v2, /api/v2/alerts?active=true), newest first.
With --incident and --add, add the chosen alerts to the incident timeline.

Options:
  --alertmanager URL  Alertmanager base URL (default: $RUNBOOK_LENS_ALERTMANAGER_URL).
                      Credentials: $RUNBOOK_LENS_ALERTMANAGER_TOKEN (bearer), or
                      $RUNBOOK_LENS_ALERTMANAGER_USER and $RUNBOOK_LENS_ALERTMANAGER_PASSWORD.
  --json              Print the alerts as a JSON array instead of a table.
  --incident DIR      Incident folder to add alerts to (created if missing).
  --add WHAT          An alert name, a fingerprint, or 'all'; repeat for several.
  --detected          Also set the incident's detected milestone at the earliest startsAt
                      of the added alerts.
  -h, --help          Show this help.

Exit status: 0 on success, 1 when Alertmanager cannot be read, 2 for bad arguments.`;

const options = {
  alertmanager: { type: 'string' },
  json: { type: 'boolean' },
  incident: { type: 'string' },
  add: { type: 'string', multiple: true },
  detected: { type: 'boolean' },
} as const;

function table(alerts: Alert[]): string {
  if (!alerts.length) return '(no active alerts)';
  const rows = alerts.map((a) => [a.startsAt.replace(/\.\d+Z$/, 'Z'), a.labels.severity ?? '-', a.status.state, a.fingerprint, describeAlert(a)]);
  const header = ['STARTED', 'SEVERITY', 'STATE', 'FINGERPRINT', 'ALERT'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}

function chosen(alerts: Alert[], wanted: string[]): Alert[] {
  if (wanted.includes('all')) return alerts;
  const out: Alert[] = [];
  for (const w of wanted) {
    const hits = alerts.filter((a) => a.fingerprint === w || alertName(a) === w);
    if (!hits.length) throw new UsageError(`no active alert named or with fingerprint '${w}'`);
    for (const h of hits) if (!out.includes(h)) out.push(h);
  }
  return out;
}

export async function run(argv: string[]): Promise<number> {
  return withUsageErrors('alerts', async () => {
    const { values } = parseCommandArgs(argv, options, { min: 0, max: 0, names: '' });
    const baseUrl = values.alertmanager?.trim() || process.env.RUNBOOK_LENS_ALERTMANAGER_URL?.trim();
    if (!baseUrl) throw new UsageError('pass --alertmanager URL (or set RUNBOOK_LENS_ALERTMANAGER_URL)');
    if (values.add?.length && !values.incident) throw new UsageError('--add needs --incident DIR');
    if (values.detected && !values.add?.length) throw new UsageError('--detected needs --add');
    let alerts: Alert[];
    try {
      alerts = await listActiveAlerts({ baseUrl, auth: authFromEnv(process.env, 'RUNBOOK_LENS_ALERTMANAGER') });
    } catch (err) {
      if (!(err instanceof IntegrationError)) throw err;
      if (err.kind === 'config') throw new UsageError(err.message);
      process.stderr.write(`runbook-lens alerts: ${err.message}\n`);
      return 1;
    }
    process.stdout.write((values.json ? JSON.stringify(alerts, null, 2) : table(alerts)) + '\n');
    if (!values.incident || !values.add?.length) return 0;
    const picked = chosen(alerts, values.add);
    const { dir } = await ensureIncidentDir(values.incident).catch((err: Error) => { throw new UsageError(err.message); });
    const actor = os.userInfo().username || undefined;
    for (const a of picked) await recordAlert(dir, a, { actor, alertmanager: baseUrl });
    process.stderr.write(`runbook-lens alerts: added ${picked.length} alert${picked.length === 1 ? '' : 's'} to ${dir}\n`);
    if (values.detected && picked.length) {
      const earliest = picked.map((a) => a.startsAt).sort()[0];
      const before = (await readIncident(dir)).milestones.detected;
      await markMilestone(dir, 'detected', new Date(earliest), { actor });
      process.stderr.write(`runbook-lens alerts: detected set to ${new Date(earliest).toISOString()}${before ? ` (was ${before})` : ''}\n`);
    }
    return 0;
  });
}
