import { safetyConfig, type SafetyConfig } from '../core/config/safety';
import { readWorkspaceSettings } from './workspaceSettings';

export type CliSafety = SafetyConfig;

/** `runbookLens.safety.*` of the workspace around `runbookFile` (see workspaceSettings.ts). */
export function readCliSafety(runbookFile: string): CliSafety {
  return safetyConfig(readWorkspaceSettings(runbookFile));
}
