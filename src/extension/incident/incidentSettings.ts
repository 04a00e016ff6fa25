import * as vscode from 'vscode';
import type { Severity } from '../../core/incident/types';
import { resolveResponseTargets, type ResponseTarget } from '../../core/incident/responseTargets';
import { resolveUpdateIntervals } from '../../core/incident/updateCadence';

export interface IncidentSettings {
  targets: Record<Severity, ResponseTarget>;
  intervals: Record<Severity, number>;
  reminders: boolean;
}

let reported = '';

/** Response targets and update intervals from the settings; bad values are shown once and ignored. */
export function readIncidentSettings(): IncidentSettings {
  const c = vscode.workspace.getConfiguration('runbookLens');
  const t = resolveResponseTargets(c.get('responseTargets'));
  const u = resolveUpdateIntervals(c.get('updateIntervals'));
  const problems = [...t.problems, ...u.problems].join('; ');
  if (problems && problems !== reported) void vscode.window.showWarningMessage(`Runbook Lens: ${problems}. Using the defaults for those.`);
  reported = problems;
  return { targets: t.targets, intervals: u.intervals, reminders: c.get<boolean>('updateReminders') ?? true };
}
