import * as vscode from 'vscode';
import { SETTINGS } from '../../core/config/schema';

/** runbookLens.team.*: how often a shared incident is synced, and how much of an output is shared. */
export interface TeamSettings {
  pollSeconds: number;
  maxSharedOutputKiB: number;
}

/** Through the settings schema: a bad value gives the default (the schema's message says why). */
export function readTeamSettings(): TeamSettings {
  const c = vscode.workspace.getConfiguration();
  return {
    pollSeconds: SETTINGS.teamPollSeconds.read(c.get(SETTINGS.teamPollSeconds.key)).value,
    maxSharedOutputKiB: SETTINGS.teamMaxSharedOutputKiB.read(c.get(SETTINGS.teamMaxSharedOutputKiB.key)).value,
  };
}
