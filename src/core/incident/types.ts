import type { KubeTarget } from '../kube/types';

export type Severity = 'P0' | 'P1' | 'P2' | 'P3';
export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export type MilestoneName = 'started' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';
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
  /** Free text for notes, statuses, milestones and notifications. */
  text?: string;
  pinned?: boolean;
  [key: string]: unknown;
}
