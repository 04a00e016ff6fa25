import * as path from 'node:path';
import { composeMessage, MESSAGE_KINDS, type MessageKind } from '../../core/incident/comms';
import { readIncident } from '../../core/incident/incidentStore';
import { readTimeline } from '../../core/incident/timeline';
import { recordNotification } from '../../core/incident/lifecycle';
import { DEFAULT_UPDATE_INTERVALS } from '../../core/incident/updateCadence';
import { parseDurationSpec } from '../../core/incident/durationSpec';
import { POST_MORTEM_MD } from '../../core/incident/incidentFiles';
import { postSlackMessage, SlackPostError } from '../../core/integrations/slack';
import { parseCommandArgs, UsageError, withUsageErrors } from '../args';
import { actorName } from '../actor';

export const WEBHOOK_ENV = 'RUNBOOK_LENS_SLACK_WEBHOOK';

export const help = `Usage: runbook-lens comms DIR initial|update|resolution [--post | --record] [--every DURATION]

Print a message for the incident in DIR from the runbook's templates: the initial
notification, a progress update, or the resolution notice, filled with the status,
start time, impact, commander, the actions taken (from the timeline), the root cause
when known, the duration and the next update time. The text is redacted.

Options:
  --post            Post it to the Slack incoming webhook in $${WEBHOOK_ENV}
                    and record it in the timeline as a notification entry. Retries on
                    HTTP 429 (honouring Retry-After) and 5xx.
  --record          Record it as sent by hand (you post the printed text yourself).
  --every DURATION  Time until the next update (e.g. 15m; 0 for none). Default by
                    severity: P0 15m, P1 1h, P2 and P3 none.
  -h, --help        Show this help.

Exit status: 0 on success, 1 when posting failed or DIR is not an incident folder,
2 for bad arguments or a missing webhook.`;

export async function run(argv: string[]): Promise<number> {
  return withUsageErrors('comms', async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      post: { type: 'boolean' }, record: { type: 'boolean' }, every: { type: 'string' },
    }, { min: 2, max: 2, names: 'DIR and the message (initial, update or resolution)' });
    const [dir, kind] = positionals;
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`the message must be initial, update or resolution (got '${kind}')`);
    if (values.post && values.record) throw new UsageError('use either --post or --record');
    let every: number | undefined;
    try {
      every = values.every !== undefined ? parseDurationSpec(values.every, '--every') : undefined;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const webhook = process.env[WEBHOOK_ENV]?.trim();
    if (values.post && !webhook) throw new UsageError(`--post needs the Slack incoming webhook URL in $${WEBHOOK_ENV}`);

    const incident = await readIncident(dir);
    const { entries, problems } = await readTimeline(dir);
    for (const p of problems) process.stderr.write(`runbook-lens comms: ${p}\n`);
    const text = composeMessage(kind as MessageKind, {
      incident,
      entries,
      now: new Date(),
      updateIntervalMs: every ?? DEFAULT_UPDATE_INTERVALS[incident.severity] ?? 0,
      postmortemRef: path.join(dir, POST_MORTEM_MD),
    });
    process.stdout.write(text);
    if (values.record) {
      await recordNotification(dir, kind as MessageKind, text, 'manual', { actor: actorName() });
      process.stderr.write('runbook-lens comms: recorded in the timeline as sent by hand\n');
    }
    if (values.post) {
      try {
        const r = await postSlackMessage(webhook!, text);
        await recordNotification(dir, kind as MessageKind, text, 'slack', { actor: actorName() });
        process.stderr.write(`runbook-lens comms: posted to Slack${r.attempts > 1 ? ` after ${r.attempts} attempts` : ''} and recorded in the timeline\n`);
      } catch (err) {
        if (!(err instanceof SlackPostError)) throw err;
        process.stderr.write(`runbook-lens comms: ${err.message}\n`);
        return 1;
      }
    }
    return 0;
  });
}
