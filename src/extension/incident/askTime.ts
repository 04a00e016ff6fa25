import { parseMilestoneTime } from '../../core/incident/milestoneTime';
import { askText } from '../prompts';

export const TIME_HELP = 'now, HH:MM (UTC), -15m, or an ISO time such as 2026-10-03T14:02Z';

/** Asks for a (backdatable) milestone time, checked as it is typed. undefined = cancelled. */
export async function askTime(title: string, value: string): Promise<Date | undefined> {
  const typed = await askText({
    title,
    prompt: `${TIME_HELP}. Backdating is fine.`,
    value,
    validateInput: (v) => {
      try {
        parseMilestoneTime(v, new Date());
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
  });
  return typed === undefined ? undefined : parseMilestoneTime(typed, new Date());
}
