/** Parses a timeout attribute: `30`, `30s`, `5m`, `1h`, `1m30s`. Returns seconds, or undefined when malformed. */
export function parseTimeoutSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n / 1000 : m[2] === 's' ? n : m[2] === 'm' ? n * 60 : n * 3600;
    matched = re.lastIndex;
  }
  return matched === v.length && matched > 0 ? total : undefined;
}

/** The block's timeout wins over the default; 0 or less means no timeout. */
export function effectiveTimeoutMs(attribute: string | undefined, defaultSeconds: number): number | undefined {
  const seconds = parseTimeoutSeconds(attribute) ?? defaultSeconds;
  return seconds > 0 ? Math.round(seconds * 1000) : undefined;
}
