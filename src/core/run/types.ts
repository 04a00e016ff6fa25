/**
 * The one run pipeline: prepare → confirm → scope → execute → record. Every run goes through
 * it: the editor's ▶ Run, Run in Terminal, Run Selection, Run All, Run on Several Contexts,
 * PromQL queries and `runbook-lens run`. What differs between them is only the RunDriver (who
 * answers the run's questions) and the Executor (where the code runs).
 */
import type { Confirmation, RunResult, TimelineEntry, CommandEntry } from '../incident/types';
import type { KubeTarget } from '../kube/types';
import type { RunbookBlock } from '../runbook/types';
import type { Assessment, GuardRules } from '../guard/types';
import type { ConfirmationDecision } from '../guard/confirmation';
import type { PromqlOutcome } from '../integrations/promqlRun';
import type { OutputStream, RunProcessOptions } from '../exec/runner';
import type { IncidentView } from './incidentView';

export type { OutputStream };

/** Which target a run goes to. The target pinned in the incident's incident.json wins. */
export interface TargetRequest {
  /** Asked for explicitly (CLI --context/--namespace, one context of Run on Several Contexts). */
  requested?: KubeTarget | null;
  /**
   * 'pinned-wins' (default): a requested target other than the pinned one is refused.
   * 'retarget': re-pin the incident to the requested target, noted in the timeline.
   * 'this-run': run on the requested target once; the pin stays (Run on Several Contexts).
   */
  policy?: 'pinned-wins' | 'retarget' | 'this-run';
  /** Used when nothing is pinned and nothing is requested (the editor's chosen target). */
  fallback?: KubeTarget | null;
  /** What a block with no target talks to (the kubeconfig's current context): guarded as such. */
  ambient?: () => KubeTarget | null;
}

export interface RunSafety {
  rules?: GuardRules;
  protectedPatterns?: string[];
}

export interface RunRequest {
  /** Absolute path of the runbook (a relative `cwd` attribute resolves against its folder). */
  runbookPath: string;
  /** As recorded in the timeline: workspace-relative (extension) or as given (CLI). */
  runbookRel: string;
  block: RunbookBlock;
  /** Run only these runbook lines (first, last) of the block: Run Selection, `--lines`. */
  lines?: [number, number];
  /** Where the run is recorded. Required for shell blocks; a query without it is not recorded. */
  incidentDir?: string;
  /** incidentDir as the caller already read it (readIncidentView): prepare does not read it again. */
  incident?: IncidentView;
  /** Placeholder values given up front (flags, run-all forms); the driver is asked for the rest. */
  vars?: Record<string, string>;
  target?: TargetRequest;
  shell?: string;
  /** An explicit timeout (CLI --timeout): wins over the block's attribute; 0 = none. */
  timeoutSeconds?: number;
  /** The default when the block has no timeout attribute (0 = none). */
  defaultTimeoutSeconds?: number;
  actor?: string;
  /** A consent question names a teammate's run of the block within this many minutes (default 10; 0: never). */
  recentRunMinutes?: number;
  safety?: RunSafety;
  /** The caller already asked for consent (Run All's one dialog): no second question. */
  confirmed?: Confirmation;
  /** Stop: ends the run (and records it as stopped). */
  signal?: AbortSignal;
  /** Base environment of the run (default: process.env); scope steps add to it. */
  env?: NodeJS.ProcessEnv;
}

/** What prepare found: everything the later steps need, computed once. */
export interface PreparedRun {
  request: RunRequest;
  /** The block as it runs (only the selected lines for a selection). */
  block: RunbookBlock;
  kind: 'shell' | 'promql';
  /** What runs: every placeholder value in place. */
  code: string;
  /** What is recorded: secret placeholder values masked. */
  recordedCode: string;
  /** Secret placeholder values: masked in everything recorded and shown. */
  secrets: string[];
  /** All placeholder values used (the driver may remember the non-secret ones). */
  values: Record<string, string>;
  /** The run's target; null = the block sees the environment as it is. */
  target: KubeTarget | null;
  /** The target the guard protected (the ambient context when `target` is null). */
  guardTarget: KubeTarget | null;
  /** Set when the run re-pins the incident (--retarget): recorded as a note before it runs. */
  retarget?: { from: KubeTarget | null; to: KubeTarget };
  assessment: Assessment;
  decision: ConfirmationDecision;
  /** Commands of the block that print secret material (`oc whoami -t`): its output is withheld. */
  secretCommands: string[];
  timeoutMs?: number;
  cwd: string;
  shell: string;
}

/** Why a run did not get past prepare. */
export type PrepareProblem =
  | { kind: 'missing-placeholders'; names: string[] }
  | { kind: 'target-conflict'; pinned: KubeTarget; requested: KubeTarget }
  | { kind: 'bad-lines'; error: string }
  | { kind: 'no-incident' };

export type ConsentAction = 'confirm' | 'type-context';

/** The question confirm asks the driver: the block, its target and the guard's decision. */
export interface ConsentQuestion {
  run: PreparedRun;
  /** Destructive commands found, as the confirmation records them. */
  destructive: string[];
  /** "bob ran this block 3 min ago on prod/payments: ✓ 0", when a teammate did (see blockRuns.ts). */
  teammateRun?: string;
}

export type RefusalReason = 'denied' | 'declined' | 'wrong-context';

/** A step that adds to the run's environment, and undoes it when the run ends. */
export interface ScopeStep {
  readonly name: string;
  apply(run: PreparedRun): Promise<ScopePart | undefined>;
}
export interface ScopePart {
  env: Record<string, string>;
  dispose(): Promise<void>;
  /** More fields for the result entry, asked for when the block has ended (the proxy's serviceCalls). */
  entryFields?(): Partial<CommandEntry>;
  /** Lines for the user once the block has ended (a refused in-cluster address, in words). */
  notes?(): string[];
}

/** The live view: it receives only redacted text. */
export interface LiveOutput {
  write(text: string, stream: OutputStream): void;
  /** ASCII bytes, when the sink can take them undecoded (a file descriptor); else `write` gets them as text. */
  writeBytes?(bytes: Buffer, stream: OutputStream): void;
  /** Where the output of a block that prints secrets can be seen instead ("Run in Terminal shows it on screen only"). */
  withheldHint?: string;
  /** True when the sink is behind (a slow reader of the CLI's stdout): the run pauses the block until `resume` is called. */
  backedUp?(resume: () => void): boolean;
}

/** Something the run could not do: start, be scoped, be recorded. */
export interface RunProblemReport {
  phase: 'scope' | 'start' | 'end' | 'spawn';
  message: string;
  /** The result that could not be recorded, when the block ran. */
  entry?: TimelineEntry;
}

export type RunStep = 'prepared' | 'confirmed' | 'scoped' | 'started' | 'finished';

/** Who answers a run's questions: VS Code prompts in the editor, flags and exit codes in the CLI. */
export interface RunDriver {
  /** How consents are recorded: a dialog or a flag. `unasked` for a block that needed none (undefined: not recorded). */
  readonly consentMethods: { confirm: Confirmation['method']; typed: Confirmation['method']; unasked?: Confirmation['method'] };
  /** May anything run here (workspace trust)? false: the driver has said why. */
  mayRun?(): boolean | Promise<boolean>;
  /** Values for the block's placeholders (presets included); undefined = cancelled. */
  placeholderValues(block: RunbookBlock, preset: Record<string, string>, target: KubeTarget | null): Promise<Record<string, string> | undefined>;
  /** Consent to a block the guard wants confirmed; false = declined. */
  consent(q: ConsentQuestion): Promise<boolean>;
  /** The protected context's name, typed by the user (or --confirm-context). */
  typedContext(q: ConsentQuestion, context: string): Promise<string | undefined>;
  /** The run was refused: tell the user why. */
  refused(q: ConsentQuestion, reason: RefusalReason, typed?: string): void | Promise<void>;
  /** The run is allowed: make what it needs before anything is written (the CLI creates the incident folder). */
  beforeRun?(run: PreparedRun): Promise<void>;
  progress?(step: RunStep, run: PreparedRun, entryId?: string): void;
  /** Output recorded so far and elapsed time of a running command, a few times a second at most. */
  outputProgress?(run: PreparedRun, progress: { bytes: number; elapsedMs: number }): void;
  /** The live-output sink: only redacted text reaches it. */
  output?(run: PreparedRun): LiveOutput | undefined;
  /** The run could not start, be scoped or be recorded. */
  report(problem: RunProblemReport, run: PreparedRun): void | Promise<void>;
  /** Something a scope step wants the user to know once the block has ended. */
  notice?(text: string, run: PreparedRun): void;
}

/** What the scope steps give the executor. */
export interface ScopedRun extends PreparedRun {
  env: NodeJS.ProcessEnv;
}

/** How a command (pipe or terminal) ended: the result fields of its timeline entry. */
export interface CommandResult {
  kind: 'command';
  startedAt: string;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  status: RunResult | 'unknown';
  /** Capped, redacted output, as recorded. */
  output: string;
  truncated: boolean;
  redactions: Record<string, number>;
  /** Entry fields naming the first failed command (see failureFields). */
  failed: Partial<CommandEntry>;
  stepsChecked?: false;
  error?: string;
  /** Why outputs/<id>.log could not be written. */
  outputFileError?: string;
  /** Set by the terminal executor. */
  terminal?: true;
  /** The block did not start at all (spawn error): shown as such. */
  didNotStart?: boolean;
  /** The scope (scoped kubeconfig) must outlive the run until this settles (a terminal stays open). */
  holdScopeUntil?: Promise<void>;
}

export interface QueryResult {
  kind: 'query';
  outcome: PromqlOutcome;
}

export type ExecResult = CommandResult | QueryResult;

export interface ExecIO {
  /** The entry id: a command's full output goes to outputs/<id>.log. */
  entryId: string;
  /** Full path of outputs/<id>.log, or undefined when the run is not recorded. */
  outputFile?: string;
  /** Raw output chunks for the live view (the pipeline redacts them first). */
  onData(chunk: string, stream: OutputStream): void;
  /** The output as recorded (redacted once, ANSI stripped), and progress: see RunProcessOptions. */
  onRecorded?: RunProcessOptions['onRecorded'];
  onProgress?: RunProcessOptions['onProgress'];
  /** Already redacted live output (RunProcessOptions.onLive): an executor that offers it skips onData. */
  onLive?: RunProcessOptions['onLive'];
  liveBackedUp?: RunProcessOptions['liveBackedUp'];
}

/** Where the code runs: a pipe (child process), the integrated terminal, Prometheus. Later: in-cluster. */
export interface Executor {
  readonly kind: 'pipe' | 'terminal' | 'promql' | (string & {});
  /** Command executors are recorded write-ahead (a `started` entry first); query executors once. */
  readonly records: 'command' | 'query';
  execute(run: ScopedRun, io: ExecIO): Promise<ExecResult>;
}

export type RunOutcome =
  | { status: 'done'; run: PreparedRun; result: ExecResult; entry?: TimelineEntry }
  | { status: 'cancelled'; run?: PreparedRun }
  | { status: 'invalid'; problem: PrepareProblem; block: RunbookBlock }
  | { status: 'refused'; run: PreparedRun; reason: RefusalReason }
  | { status: 'not-started'; run: PreparedRun; message: string }
  | { status: 'not-recorded'; run: PreparedRun; phase: 'start' | 'end'; message: string; entry?: TimelineEntry; result?: ExecResult };

/** An executor of commands (pipe, terminal): recorded write-ahead. */
export interface CommandExecutor extends Executor {
  readonly records: 'command';
  execute(run: ScopedRun, io: ExecIO): Promise<CommandResult>;
}
