import * as os from 'node:os';
import * as vscode from 'vscode';

export interface RunSettings {
  shell: string;
  defaultTimeoutSeconds: number;
  incidentsDir: string;
  revealOutput: boolean;
  actor: string;
}

export function readSettings(scope?: vscode.Uri): RunSettings {
  const c = vscode.workspace.getConfiguration('runbookLens', scope);
  return {
    shell: c.get<string>('shell') || 'bash',
    defaultTimeoutSeconds: c.get<number>('defaultTimeoutSeconds') ?? 600,
    incidentsDir: c.get<string>('incidentsDir') || 'incidents',
    revealOutput: c.get<boolean>('revealOutput') ?? true,
    actor: c.get<string>('actor') || os.userInfo().username,
  };
}
