import type { KubeTarget } from '../kube/types';

export type Severity = 'P0' | 'P1' | 'P2' | 'P3';
export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export type MilestoneName = 'started' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';
export type RunStatus = 'ok' | 'failed' | 'stopped' | 'timeout' | 'unknown';
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
