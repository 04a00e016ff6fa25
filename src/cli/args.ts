import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseTimeoutSeconds } from '../core/exec/timeout';

/** Bad command-line input: printed as one line, exit status 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node's util.parseArgs with strict checking, turned into one-line UsageErrors.
 * Commands declare their options as a plain object so others can add flags in one place.
 */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, positionals: { min: number; max: number; names: string }) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.split('. ')[0].split('\n')[0]);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing ${positionals.names}`);
  if (n > positionals.max) throw new UsageError(`unexpected argument '${parsed.positionals[positionals.max]}'`);
  return parsed;
}

/** `--var KEY=VALUE` repeated → { KEY: VALUE }. The value may be empty or contain '='. */
export function parseKeyValues(items: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} expects KEY=VALUE, got '${item}'`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

export function parsePositiveInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`${flag} expects a number from 1, got '${value}'`);
  return Number(value);
}

/** Seconds (`30`, `1.5`) or a duration (`90s`, `5m`, `1m30s`); 0 means none. */
export function parseSecondsFlag(value: string, flag: string): number {
  const seconds = parseTimeoutSeconds(value);
  if (seconds === undefined || seconds < 0) throw new UsageError(`${flag} expects seconds (e.g. 30) or a duration (e.g. 5m), got '${value}'`);
  return seconds;
}

/** Runs a command body; a UsageError becomes `runbook-lens NAME: message` and exit status 2. */
export async function withUsageErrors(command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`runbook-lens ${command}: ${err.message}\n`);
    return 2;
  }
}
