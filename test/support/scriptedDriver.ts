/**
 * A RunDriver that answers from a script and writes down what it was asked, for tests of the
 * run pipeline: a real implementation of the interface, not a mock of the code under test.
 */
import type { ConsentQuestion, OutputStream, PreparedRun, RefusalReason, RunDriver, RunProblemReport, RunStep } from '../../src/core/run';
import type { RunbookBlock } from '../../src/core/runbook/types';
import type { KubeTarget } from '../../src/core/kube/types';

export interface DriverScript {
  /** Placeholder values the "user" types; undefined = cancels the prompt. */
  values?: Record<string, string> | undefined;
  cancelPlaceholders?: boolean;
  consent?: boolean;
  typed?: string;
  mayRun?: boolean;
  methods?: RunDriver['consentMethods'];
}

export class ScriptedDriver implements RunDriver {
  readonly consentMethods: RunDriver['consentMethods'];
  readonly asked: { placeholders: { block: RunbookBlock; preset: Record<string, string>; target: KubeTarget | null }[]; consent: ConsentQuestion[]; typed: string[] } = { placeholders: [], consent: [], typed: [] };
  readonly refusals: { reason: RefusalReason; typed?: string }[] = [];
  readonly reports: RunProblemReport[] = [];
  readonly steps: RunStep[] = [];
  readonly shown: { text: string; stream: OutputStream }[] = [];

  constructor(private readonly script: DriverScript = {}) {
    this.consentMethods = script.methods ?? { confirm: 'modal', typed: 'typed-context', unasked: 'none' };
  }

  mayRun(): boolean {
    return this.script.mayRun ?? true;
  }

  async placeholderValues(block: RunbookBlock, preset: Record<string, string>, target: KubeTarget | null): Promise<Record<string, string> | undefined> {
    this.asked.placeholders.push({ block, preset, target });
    if (this.script.cancelPlaceholders) return undefined;
    return { ...preset, ...(this.script.values ?? {}) };
  }

  async consent(q: ConsentQuestion): Promise<boolean> {
    this.asked.consent.push(q);
    return this.script.consent ?? false;
  }

  async typedContext(_q: ConsentQuestion, context: string): Promise<string | undefined> {
    this.asked.typed.push(context);
    return this.script.typed;
  }

  refused(_q: ConsentQuestion, reason: RefusalReason, typed?: string): void {
    this.refusals.push({ reason, typed });
  }

  progress(step: RunStep, _run: PreparedRun): void {
    this.steps.push(step);
  }

  output() {
    return { write: (text: string, stream: OutputStream) => { this.shown.push({ text, stream }); } };
  }

  report(problem: RunProblemReport): void {
    this.reports.push(problem);
  }

  /** Everything the live view showed, in order. */
  shownText(): string {
    return this.shown.map((s) => s.text).join('');
  }
}
