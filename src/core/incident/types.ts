import type { ServiceCall } from '../kube/serviceProxy/serviceCalls';
import type { KubeTarget } from '../kube/types';
import type { ClusterCheck } from '../kube/checkCluster';

export type Severity = 'P0' | 'P1' | 'P2' | 'P3';
export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export type MilestoneName = 'started' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';
/** 'started': the write-ahead record of a run; a later entry naming it in `startedEntry` holds the result. */
export type RunStatus = RunResult | 'unknown' | 'started';
/** How a run that was observed to the end ended. */
export type RunResult = 'ok' | 'failed' | 'stopped' | 'timeout';
export type EntryKind = 'command' | 'query' | 'note' | 'status' | 'milestone' | 'notification' | 'severity' | 'target';

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

/**
 * The schema version `appendEntry` stamps on every entry as `v`. An entry without `v` is version 1
 * (written before versions existed). Version 2 adds the state-change entries (`severity`, `target`),
 * the declared incident on the first status entry and the values on a details note, so that the
 * incident's state can be folded from the timeline alone. Readers accept every earlier version,
 * and keep fields they do not know (a newer writer's) when an entry is read and written again.
 */
export const ENTRY_SCHEMA_VERSION = 2;

/** Fields every kind of entry may carry. */
interface EntryBase {
  id: string;
  time: string;
  kind: EntryKind;
  /** Schema version; absent means 1. */
  v?: number;
  actor?: string;
  runbook?: string;
  block?: number;
  line?: number;
  section?: string[];
  /** Free text for notes, statuses, milestones and notifications; a run's note of what happened. */
  text?: string;
  pinned?: boolean;
  redactions?: Record<string, number>;
  /** The cluster a run went to; on a `target` entry, the incident's new pinned target. */
  target?: KubeTarget | null;
  /** Why a run could not start or its output could not be saved. */
  error?: string;
}

/** What a run of a block (command) or a query records. */
interface RunFields {
  /** The in-cluster Services the block reached through the run's proxy (paths redacted). */
  serviceCalls?: ServiceCall[];
  /** query entries: the Prometheus Service that answered, when no URL was configured. */
  prometheusService?: string;
  /** The run's name when it ran (block name, else section heading, else first command). */
  title?: string;
  command?: string;
  exitCode?: number | null;
  signal?: string | null;
  durationMs?: number;
  output?: string;
  outputFile?: string;
  truncated?: boolean;
  confirmation?: Confirmation;
  /** Run Selection: the first and last runbook line that ran, when only part of the block did. */
  lines?: [number, number];
  selection?: boolean;
  /** How the run ended ('unknown' when a terminal run could not be observed). */
  status?: RunStatus;
  /** The id of the run's `started` record (which this result completes). */
  startedEntry?: string;
  /** How many commands of the block failed (bash ERR trap), even when the last one succeeded. */
  failedSteps?: number;
  /** The first failed command: its exit code, runbook line and redacted source line. */
  failedExitCode?: number;
  failedLine?: number;
  failedCommand?: string;
  /** false when the shell has no ERR trap (sh, dash…): only the last exit code is known. */
  stepsChecked?: boolean;
  /** The shell, when not bash. */
  shell?: string;
  /** Ran in the integrated terminal. */
  terminal?: boolean;
  /** query entries: the Prometheus server, the query's mode and range, how many series came back. */
  prometheus?: string;
  queryMode?: 'instant' | 'range';
  range?: string;
  step?: string;
  series?: number;
}

export interface CommandEntry extends EntryBase, RunFields {
  kind: 'command';
}

export interface QueryEntry extends EntryBase, RunFields {
  kind: 'query';
}

/** The facts a details note sets; `null` clears one. */
export type DetailField = 'title' | 'commander' | 'impact' | 'rootCause' | 'resolution';

export interface NoteEntry extends EntryBase {
  kind: 'note';
  /** v2: a "Cluster target changed/set" note carries the incident's new pinned target (null unpins), folded into its state. */
  pinnedTarget?: KubeTarget | null;
  /** A pin marker: pins, or with `unpin` unpins, the entry with this id. The timeline stays append-only. */
  pinOf?: string;
  unpin?: boolean;
  /** A note recording changed incident facts: which fields (e.g. ['impact', 'rootCause']). */
  details?: DetailField[];
  /** v2: the new values of those fields (null: cleared), which the incident's state is folded from. */
  values?: Partial<Record<DetailField, string | null>>;
  /** Check Cluster: the full result. */
  check?: ClusterCheck;
}

/**
 * The incident's state as one value (v2), on the status entry that declares the incident, or that
 * shares an older folder with a team: the base its state is folded from when incident.json is absent.
 */
export interface IncidentSnapshot {
  id: string;
  title: string;
  severity: Severity;
  status?: IncidentStatus;
  commander?: string;
  createdAt: string;
  target: KubeTarget | null;
  milestones?: Partial<Record<MilestoneName, string>>;
  impact?: string;
  rootCause?: string;
  resolution?: string;
}

export interface StatusEntry extends EntryBase {
  kind: 'status';
  /** The incident's new status and the one before (a run's result is `status` on run entries). */
  incidentStatus?: IncidentStatus;
  previousStatus?: IncidentStatus;
  incident?: IncidentSnapshot;
}

export interface MilestoneEntry extends EntryBase {
  kind: 'milestone';
  milestone?: MilestoneName;
  /** `time` is when it happened, `recordedAt` when it was written (backdating). */
  recordedAt?: string;
}

export interface NotificationEntry extends EntryBase {
  kind: 'notification';
  /** Which template, and where it went ('slack', 'clipboard'). */
  template?: 'initial' | 'update' | 'resolution';
  channel?: string;
  /** 'received' for an alert that came in (channel 'alertmanager'). */
  direction?: 'received' | 'sent';
  alert?: {
    fingerprint: string;
    name: string;
    state: string;
    startsAt: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
    generatorURL?: string;
    alertmanager?: string;
  };
  pagerduty?: { action: 'acknowledge' | 'resolve'; dedupKey: string; status: 'sent' | 'failed' };
}

/** v2: the incident's severity changed. */
export interface SeverityEntry extends EntryBase {
  kind: 'severity';
  severity: Severity;
  previousSeverity?: Severity;
}

/** Read only: the pinned target changed, as first written by v2 (now a note with `pinnedTarget`). */
export interface TargetEntry extends EntryBase {
  kind: 'target';
  target: KubeTarget | null;
}

type KindFields = RunFields & Omit<NoteEntry, keyof EntryBase> & Omit<StatusEntry, keyof EntryBase> & Omit<MilestoneEntry, keyof EntryBase>
  & Omit<NotificationEntry, keyof EntryBase> & Omit<SeverityEntry, keyof EntryBase>;

/**
 * Each kind's own fields, and every other kind's as absent: a literal of one kind cannot carry
 * another's fields, and code that reads `e.command` on any entry still compiles (undefined there).
 */
type Exclusive<T> = T & { [K in Exclude<keyof KindFields, keyof T>]?: undefined };

/** One timeline line, typed by `kind`. */
export type TimelineEntry =
  | Exclusive<CommandEntry>
  | Exclusive<QueryEntry>
  | Exclusive<NoteEntry>
  | Exclusive<StatusEntry>
  | Exclusive<MilestoneEntry>
  | Exclusive<NotificationEntry>
  | Exclusive<SeverityEntry>
  | Exclusive<TargetEntry>;

/** The entries that record a run. */
export type RunEntry = Extract<TimelineEntry, { kind: 'command' | 'query' }>;

export function isRunEntry(e: TimelineEntry): e is RunEntry {
  return e.kind === 'command' || e.kind === 'query';
}
