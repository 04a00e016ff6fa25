/**
 * Setting kinds: each reads a raw JSON value and never throws. A bad value gives a message that
 * names the setting, the bad value, what is allowed and what is used instead, and the default
 * is used: a typo in settings.json must not stop a run in the middle of an outage.
 */

/** The JSON-schema fields package.json's `contributes.configuration` declares for a setting. */
export interface JsonShape {
  type: string | string[];
  enum?: readonly string[];
  items?: { type: string };
  minimum?: number;
}

export interface Reading<T> {
  value: T;
  problems: string[];
}

export interface Setting<T> {
  key: string;
  shape: JsonShape;
  /** The raw default, exactly as package.json declares it. */
  default: unknown;
  read(raw: unknown): Reading<T>;
}

/** A value as the user wrote it, short enough for a notification. */
export function showValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function badValue(key: string, raw: unknown, allowed: string, instead: unknown): string {
  return `${key}: ${showValue(raw)} is not allowed (${allowed}); using ${showValue(instead)} instead`;
}

/** Unset (undefined or null) means the default, silently. */
function unset(raw: unknown): boolean {
  return raw === undefined || raw === null;
}

function scalar<T>(key: string, shape: JsonShape, def: T, allowed: string, ok: (raw: unknown) => raw is T): Setting<T> {
  return {
    key,
    shape,
    default: def,
    read: (raw) => (unset(raw) ? { value: def, problems: [] } : ok(raw) ? { value: raw, problems: [] } : { value: def, problems: [badValue(key, raw, allowed, def)] }),
  };
}

export function stringSetting(key: string, def: string, o: { allowed?: string; nonEmpty?: boolean } = {}): Setting<string> {
  const allowed = o.allowed ?? (o.nonEmpty ? 'a non-empty string' : 'a string');
  const setting = scalar(key, { type: 'string' }, def, allowed, (raw): raw is string => typeof raw === 'string' && (!o.nonEmpty || raw.trim() !== ''));
  // Stray spaces around a URL or a name are a typo, not a different value.
  return { ...setting, read: (raw) => { const r = setting.read(raw); return { ...r, value: r.value.trim() }; } };
}

export function booleanSetting(key: string, def: boolean): Setting<boolean> {
  return scalar(key, { type: 'boolean' }, def, 'true or false', (raw): raw is boolean => typeof raw === 'boolean');
}

export function numberSetting(key: string, def: number, o: { minimum: number; allowed: string }): Setting<number> {
  return scalar(key, { type: 'number', minimum: o.minimum }, def, o.allowed, (raw): raw is number => typeof raw === 'number' && Number.isFinite(raw) && raw >= o.minimum);
}

export function enumSetting<T extends string>(key: string, values: readonly T[], def: T): Setting<T> {
  const allowed = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return scalar(key, { type: 'string', enum: values }, def, allowed, (raw): raw is T => typeof raw === 'string' && (values as readonly string[]).includes(raw));
}

/**
 * A list of strings. A value that is not a list gives the default; within a list, items that are
 * not non-empty strings are dropped one by one, so one typo does not throw away the other rules.
 */
export function stringListSetting(key: string, def: readonly string[], itemName: string): Setting<string[]> {
  return {
    key,
    shape: { type: 'array', items: { type: 'string' } },
    default: [...def],
    read(raw) {
      if (unset(raw)) return { value: [...def], problems: [] };
      if (!Array.isArray(raw)) return { value: [...def], problems: [badValue(key, raw, `a list of ${itemName}s`, def)] };
      const problems: string[] = [];
      const value: string[] = [];
      raw.forEach((item, i) => {
        if (typeof item === 'string' && item.trim() !== '') value.push(item);
        else problems.push(`${key}: item ${i + 1}, ${showValue(item)}, is not allowed (a non-empty ${itemName}); it is ignored, the other items apply`);
      });
      return { value, problems };
    },
  };
}

/** An object of string values (`{"prod-*": "https://…"}`); entries whose value is not a string are dropped one by one. */
export function stringMapSetting(key: string, valueName: string): Setting<Record<string, string>> {
  return {
    key,
    shape: { type: 'object' },
    default: {},
    read(raw) {
      if (unset(raw)) return { value: {}, problems: [] };
      if (typeof raw !== 'object' || Array.isArray(raw)) return { value: {}, problems: [badValue(key, raw, `an object of ${valueName}s`, {})] };
      const problems: string[] = [];
      const value: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        // defineProperty: a key such as "__proto__" stays an ordinary entry, never the prototype.
        if (typeof v === 'string' && v.trim() !== '') Object.defineProperty(value, k, { value: v.trim(), enumerable: true, writable: true, configurable: true });
        else problems.push(`${key}: the value of ${JSON.stringify(k)}, ${showValue(v)}, is not allowed (a ${valueName}); that entry is ignored`);
      }
      return { value, problems };
    },
  };
}
