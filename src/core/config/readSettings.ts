import { SETTINGS, type SettingName, type Settings } from './schema';

/** A setting's raw value by full key (`runbookLens.shell`), undefined when unset. */
export type SettingLookup = (key: string) => unknown;

export interface SettingsReading {
  settings: Settings;
  /** One message per bad value; the defaults are used for them. */
  problems: string[];
}

/** Reads every setting; never throws. */
export function readSettingsFrom(lookup: SettingLookup): SettingsReading {
  const settings: Partial<Record<SettingName, unknown>> = {};
  const problems: string[] = [];
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const reading = SETTINGS[name].read(lookup(SETTINGS[name].key));
    settings[name] = reading.value;
    problems.push(...reading.problems);
  }
  return { settings: settings as Settings, problems };
}
