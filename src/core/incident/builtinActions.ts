/**
 * Runbooks often call tools the extension replaces with its own commands (`pd` for PagerDuty,
 * `slack` or `/slack` for Slack, `statuspage-cli` for status updates). When such a block fails
 * because the tool is not installed (exit 127, "command not found"), the built-in action is the
 * way forward: this finds which ones to offer.
 */
import type { TimelineEntry } from './types';

export interface BuiltinAction {
  label: string;
  command: string;
  /** The missing tool it stands in for. */
  tool: string;
}

const ACK: BuiltinAction = { label: 'PagerDuty: Acknowledge', command: 'runbookLens.pagerdutyAcknowledge', tool: 'pd' };
const RESOLVE: BuiltinAction = { label: 'PagerDuty: Resolve', command: 'runbookLens.pagerdutyResolve', tool: 'pd' };
const compose = (tool: string): BuiltinAction => ({ label: 'Compose Incident Message', command: 'runbookLens.composeMessage', tool });

const TOOLS = ['pd', 'slack', '/slack', 'statuspage-cli', 'statuspage'];

/** bash: "bash: line 3: pd: command not found", "/slack: No such file or directory"; sh: "pd: not found". */
const NOT_FOUND_RE = /(?:^|\n)[^\n]*?(?:^|[\s:])((?:\/)?[\w.-]+): (?:command not found|not found|No such file or directory)\s*(?:\n|$)/g;

function missingTools(output: string): string[] {
  const found: string[] = [];
  for (const m of output.matchAll(NOT_FOUND_RE)) if (TOOLS.includes(m[1]) && !found.includes(m[1])) found.push(m[1]);
  return found;
}

/** The line of `code` that calls `tool` (as a command word), for picking acknowledge or resolve. */
function callOf(code: string, tool: string): string {
  const word = tool.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return code.split('\n').find((l) => new RegExp(`(?:^|[\\s;&|(])${word}(?:\\s|$)`).test(l)) ?? '';
}

/** Built-in actions for a run that failed because a replaced tool is missing; [] otherwise. */
export function builtinActionsFor(entry: Pick<TimelineEntry, 'exitCode' | 'output' | 'command'>): BuiltinAction[] {
  if (entry.exitCode !== 127 || !entry.output) return [];
  const out: BuiltinAction[] = [];
  for (const tool of missingTools(entry.output)) {
    if (tool === 'pd') {
      const call = callOf(entry.command ?? '', tool);
      const ack = /\back(?:nowledge)?\b/i.test(call);
      const resolve = /\bresolve\b/i.test(call);
      if (ack || !resolve) out.push(ACK);
      if (resolve || !ack) out.push(RESOLVE);
    } else if (!out.some((a) => a.command === 'runbookLens.composeMessage')) {
      out.push(compose(tool));
    }
  }
  return out;
}
