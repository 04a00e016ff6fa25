import * as os from 'node:os';
import { sendPagerDutyEvent, type PagerDutyAction } from '../../core/integrations/pagerdutyEvents';
import { IntegrationError } from '../../core/integrations/httpErrors';
import { pagerDutyAndRecord } from '../../core/integrations/pagerdutyRecord';
import { ensureIncidentDir } from '../../core/incident/incidentStore';
import { parseCommandArgs, UsageError, withUsageErrors } from '../args';

export const help = `Usage: runbook-lens pagerduty ack|resolve --dedup-key KEY [--events-url URL] [--incident DIR]

Acknowledge or resolve a PagerDuty alert through the Events API v2 (POST <events-url>/v2/enqueue).
The routing (integration) key is read from $RUNBOOK_LENS_PAGERDUTY_KEY, never from the command line.
With --incident, the event is recorded in the timeline and sets the acknowledged or resolved
milestone (the first one counts).

Options:
  --dedup-key KEY    The alert's dedup key (incident key).
  --events-url URL   Events API base URL (default: $RUNBOOK_LENS_PAGERDUTY_EVENTS_URL, else
                     https://events.pagerduty.com).
  --incident DIR     Incident folder to record in (created if missing).
  -h, --help         Show this help.

Exit status: 0 when PagerDuty accepted the event, 1 when it did not, 2 for bad arguments.`;

const options = {
  'dedup-key': { type: 'string' },
  'events-url': { type: 'string' },
  incident: { type: 'string' },
} as const;

const ACTIONS: Record<string, PagerDutyAction> = { ack: 'acknowledge', acknowledge: 'acknowledge', resolve: 'resolve' };

export async function run(argv: string[]): Promise<number> {
  return withUsageErrors('pagerduty', async () => {
    const { values, positionals } = parseCommandArgs(argv, options, { min: 1, max: 1, names: 'ack or resolve' });
    const action = ACTIONS[positionals[0]];
    if (!action) throw new UsageError(`expected ack or resolve, got '${positionals[0]}'`);
    const dedupKey = values['dedup-key']?.trim();
    if (!dedupKey) throw new UsageError('missing --dedup-key KEY');
    const routingKey = process.env.RUNBOOK_LENS_PAGERDUTY_KEY?.trim();
    if (!routingKey) throw new UsageError('set RUNBOOK_LENS_PAGERDUTY_KEY to the routing (integration) key');
    const eventsUrl = values['events-url']?.trim() || process.env.RUNBOOK_LENS_PAGERDUTY_EVENTS_URL?.trim() || undefined;
    const event = { eventsUrl, routingKey, action, dedupKey };
    if (!values.incident) {
      try {
        const res = await sendPagerDutyEvent(event);
        process.stdout.write(`PagerDuty ${action}: ${res.status}${res.message ? ` (${res.message})` : ''}, dedup key ${res.dedupKey}\n`);
        return 0;
      } catch (err) {
        if (!(err instanceof IntegrationError)) throw err;
        if (err.kind === 'config') throw new UsageError(err.message);
        process.stderr.write(`runbook-lens pagerduty: ${err.message}\n`);
        return 1;
      }
    }
    const { dir } = await ensureIncidentDir(values.incident).catch((err: Error) => { throw new UsageError(err.message); });
    const out = await pagerDutyAndRecord(dir, event, { actor: os.userInfo().username || undefined });
    if (!out.ok) {
      process.stderr.write(`runbook-lens pagerduty: ${out.error}\n`);
      return 1;
    }
    const m = out.milestone;
    const note = m ? (m.set ? `; ${m.name} set to ${m.at}` : `; ${m.name} already set at ${m.at}, kept`) : '';
    process.stdout.write(`${out.entry.text}\nrecorded as ${out.entry.id} in ${dir}${note}\n`);
    return 0;
  });
}
