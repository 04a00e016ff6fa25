import type { KubeTarget } from '../kube/types';

export type Severity = 'P0' | 'P1' | 'P2' | 'P3';
export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export type MilestoneName = 'started' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';
/** 'started': the write-ahead record of a run; a later entry naming it in `startedEntry` holds the result. */
export type RunStatus = RunResult | 'unknown' | 'started';
/** How a run that was observed to the end ended. */
export type RunResult = 'ok' | 'failed' | 'stopped' | 'timeout';
export type EntryKind = 'command' | 'query' | 'note' | 'status' | 'milestone' | 'notification';

export interface Incident {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  commander?: string;
  createdAt: string;
  milestones: Partial<Record<MilestoneName, string>>;
  target: KubeTarget | null;
  /** Placeholder values remembered for this incident (redacted values are never stored). */
  variables?: Record<string, string>;
  impact?: string;
  rootCause?: string;
  /** How it was resolved, for the resolution message and the post-mortem. */
  resolution?: string;
  [key: string]: unknown;
}

export interface Confirmation {
  /** How the run was allowed: not needed, a modal, a typed context name, or a CLI flag. */
  method: 'none' | 'modal' | 'typed-context' | 'cli-yes' | 'cli-confirm-context';
  destructive: string[];
  at: string;
  by?: string;
}

export interface TimelineEntry {
  id: string;
  time: string;
  kind: EntryKind;
  actor?: string;
  runbook?: string;
  block?: number;
  line?: number;
  section?: string[];
  /** command/query entries: the run's name when it ran (block name, else section heading, else first command). */
  title?: string;
  command?: string;
  target?: KubeTarget | null;
  exitCode?: number | null;
  signal?: string | null;
  durationMs?: number;
  output?: string;
  outputFile?: string;
  truncated?: boolean;
  redactions?: Record<string, number>;
  confirmation?: Confirmation;
  /** Run Selection: the first and last runbook line that ran, when only part of the block did. */
  lines?: [number, number];
  selection?: boolean;
  /** command/query entries: how the run ended ('unknown' when a terminal run could not be observed). */
  status?: RunStatus;
  /** command entries: the id of the run's `started` record (which this result completes). */
  startedEntry?: string;
  /** command entries: how many commands of the block failed (bash ERR trap), even when the last one succeeded. */
  failedSteps?: number;
  /** The first failed command: its exit code, runbook line and redacted source line. */
  failedExitCode?: number;
  failedLine?: number;
  failedCommand?: string;
  /** false when the shell has no ERR trap (sh, dash…): only the last exit code is known. */
  stepsChecked?: boolean;
  /** Why a run could not start or its output could not be saved. */
  error?: string;
  /** Free text for notes, statuses, milestones and notifications. */
  text?: string;
  pinned?: boolean;
  /** status entries: the incident's new status and the one before (`status` itself is a run's result). */
  incidentStatus?: IncidentStatus;
  previousStatus?: IncidentStatus;
  /** milestone entries: which one; `time` is when it happened, `recordedAt` when it was written (backdating). */
  milestone?: MilestoneName;
  recordedAt?: string;
  /** A pin marker (kind 'note'): pins, or with `unpin` unpins, the entry with this id. The timeline stays append-only. */
  pinOf?: string;
  unpin?: boolean;
  /** notification entries: which template, and where it went ('slack', 'clipboard'). */
  template?: 'initial' | 'update' | 'resolution';
  channel?: string;
  /** A note recording changed incident facts: which fields (e.g. ['impact', 'rootCause']). */
  details?: string[];
  [key: string]: unknown;
}
