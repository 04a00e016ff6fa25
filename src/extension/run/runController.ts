import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunbookBlock } from '../../core/runbook/types';
import type { KubeTarget } from '../../core/kube/types';
import type { TimelineEntry } from '../../core/incident/types';
import { redactText } from '../../core/incident/redaction/redact';
import { confirmRun, kubeScope, pipeExecutor, prepareRun, runPipeline, terminalExecutor, type CommandExecutor, type PreparedRun, type RunOutcome, type RunRequest, type ScopeStep } from '../../core/run';
import type { ExtensionServices } from '../services';
import type { RunbookCache } from '../runbookCache';
import { PlaceholderMemory } from './placeholderPrompt';
import { RunState } from './runState';
import { resultLabel } from '../../core/runbook/lensModel';
import { needsTerminal, vscodeTerminalHost } from './terminalRun';
import { readSafety, readSettings } from '../settings';
import { describeBlock } from '../../core/runbook/blockLabel';
import { echoHeader } from '../../core/exec/runEcho';
import { refuseGenerated } from '../generatedDocument';
import { offerBuiltinActions } from './builtinOffer';
import { editorDriver, workspaceTrusted } from './editorDriver';
import { showError } from '../commands';
import { serviceProxyStep } from '../../core/kube/serviceProxy/scopeStep';
import { OutputFollower } from './followOutput';
import { boundedLiveSink, type BoundedLiveSink } from '../../core/exec/liveOutput';
import { outputFilePath } from '../../core/incident/incidentFiles';
import { RunProgressStatus } from './runProgress';

export interface RunOptions {
  /** Placeholder values given up front (tests, run-all forms). */
  vars?: Record<string, string>;
  /** Run on this target once instead of the incident's (Run on several contexts…). */
  target?: KubeTarget;
  /** Skip the confirmation prompt because the caller already asked. */
  confirmed?: TimelineEntry['confirmation'];
  /** Run Selection: run only these runbook lines (first, last) of the block. */
  lines?: [number, number];
}

/** The editor's entry to the run pipeline (src/core/run): ▶ Run, Run in Terminal, Run Selection, Run All, several contexts. */
export class RunController implements vscode.Disposable {
  readonly state = new RunState();
  readonly memory: PlaceholderMemory;
  /** The live view's channel (bench/editor/hostBench.ts times what reaches it). */
  readonly output = vscode.window.createOutputChannel('Runbook Lens');
  /** Follow Output (runbookLens.followOutput) and the status bar progress of a long run. */
  readonly follower = new OutputFollower();
  private readonly progress = new RunProgressStatus();

  constructor(private readonly services: ExtensionServices, private readonly runbooks: RunbookCache) {
    this.memory = new PlaceholderMemory(services.context.workspaceState);
  }

  dispose(): void {
    this.state.dispose();
    this.output.dispose();
    this.follower.dispose();
    this.progress.dispose();
  }

  showOutput(): void {
    this.output.show(true);
  }

  /** The block, or undefined (and an error shown) when it is gone. */
  async blockAt(uri: vscode.Uri, index: number): Promise<{ document: vscode.TextDocument; block: RunbookBlock } | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const block = this.runbooks.get(document).blocks.find((b) => b.index === index);
    if (!block) {
      void showError(`that block no longer exists in ${path.basename(uri.fsPath)} (the runbook changed).`);
      return undefined;
    }
    return { document, block };
  }

  async run(uri: vscode.Uri, index: number, options: RunOptions = {}): Promise<TimelineEntry | undefined> {
    if (!(await workspaceTrusted())) return undefined;
    const found = await this.blockAt(uri, index);
    if (!found || refuseGenerated(found.document)) return undefined;
    if (found.block.kind !== 'shell') {
      return vscode.commands.executeCommand<TimelineEntry | undefined>('runbookLens.runQuery', uri, index, { vars: options.vars });
    }
    if (needsTerminal(found.block)) return this.runInTerminal(uri, index, options);
    return this.runBlock(found.document, found.block, options, pipeExecutor());
  }

  async runInTerminal(uri: vscode.Uri, index: number, options: RunOptions = {}): Promise<TimelineEntry | undefined> {
    if (!(await workspaceTrusted())) return undefined;
    const found = await this.blockAt(uri, index);
    if (!found || refuseGenerated(found.document)) return undefined;
    return this.runBlock(found.document, found.block, options, terminalExecutor(vscodeTerminalHost()));
  }

  /** The request for one run of `block`: the incident's pinned target wins, unless the caller runs on several contexts. */
  request(document: vscode.TextDocument, block: RunbookBlock, incidentDir: string, options: RunOptions, signal?: AbortSignal): RunRequest {
    const settings = readSettings(document.uri);
    return {
      runbookPath: document.uri.fsPath,
      runbookRel: vscode.workspace.asRelativePath(document.uri, false),
      block,
      lines: options.lines,
      incidentDir,
      vars: options.vars,
      target: options.target ? { requested: options.target, policy: 'this-run' } : { fallback: this.services.target?.current() ?? null },
      shell: settings.shell,
      defaultTimeoutSeconds: settings.defaultTimeoutSeconds,
      actor: settings.actor,
      recentRunMinutes: settings.teamRecentRunMinutes,
      safety: readSafety(document.uri),
      confirmed: options.confirmed,
      signal,
    };
  }

  /**
   * Prepare and confirm only (Run on Several Contexts asks every target before any starts):
   * the values used and the consent given, or undefined when cancelled, refused or invalid.
   */
  async consentFor(document: vscode.TextDocument, block: RunbookBlock, incidentDir: string, options: RunOptions): Promise<{ values: Record<string, string>; confirmation: NonNullable<RunOptions['confirmed']> } | undefined> {
    const driver = editorDriver({ services: this.services, memory: this.memory, incidentDir });
    const prepared = await prepareRun(this.request(document, block, incidentDir, options), driver);
    if (!prepared.ok) {
      if ('problem' in prepared) void showError(`${invalidText({ status: 'invalid', problem: prepared.problem, block }, options)}`);
      return undefined;
    }
    const consent = await confirmRun(prepared.run, driver, prepared.timeline);
    if (!consent.ok) return undefined;
    return { values: prepared.run.values, confirmation: consent.confirmation ?? { method: 'none', destructive: [], at: new Date().toISOString() } };
  }

  /**
   * The scope steps of an editor run: the scoped kubeconfig of the target service, and the
   * in-cluster address proxy (runbookLens.cluster.serviceProxy; not for terminal runs, which
   * outlive the run's scope).
   */
  scope(document?: vscode.TextDocument, executorKind?: string): ScopeStep[] {
    const target = this.services.target;
    if (!target) return [];
    const steps = [kubeScope(async (t) => {
      const scoped = await target.scopedEnv(t);
      const env = Object.fromEntries(Object.entries(scoped.env).filter((e): e is [string, string] => e[1] !== undefined));
      return { env, dispose: scoped.dispose };
    })];
    const enabled = executorKind !== 'terminal' && readSettings(document?.uri).clusterServiceProxy;
    if (target.serviceProxy) steps.push(serviceProxyStep((t, secrets) => target.serviceProxy!(t, secrets), enabled));
    return steps;
  }

  private async runBlock(document: vscode.TextDocument, block: RunbookBlock, options: RunOptions, executor: CommandExecutor): Promise<TimelineEntry | undefined> {
    const incidentDir = await this.services.incidents.ensure();
    if (!incidentDir) return undefined;
    const uri = document.uri;
    const controller = new AbortController();
    let atLineStart = true;
    const show = (text: string) => {
      this.output.append(text);
      atLineStart = text.endsWith('\n');
    };
    // Bounded: the Output channel cannot take 256 MiB; the note names the output file.
    let live: BoundedLiveSink | undefined;
    const driver = editorDriver({
      services: this.services,
      memory: this.memory,
      incidentDir,
      output: executor.kind === 'terminal' ? undefined : {
        write: (text) => live?.write(text),
        writeBytes: (bytes) => live?.write(bytes),
        withheldHint: 'Run in Terminal shows it on screen only',
      },
    });
    // Refused in-cluster addresses and the like, after the block's own output.
    driver.notice = (text) => {
      // The bounded view's held-back tail comes first.
      live?.end();
      this.output.appendLine(`${atLineStart ? '' : '\n'}Runbook Lens: ${text}`);
      atLineStart = true;
    };
    const label = describeBlock(block);
    driver.outputProgress = (_run, p) => this.progress.update(label, p);
    let started = false;
    let outputFile: string | undefined;
    driver.progress = (step, run, entryId) => {
      if (step !== 'started') return;
      if (entryId && executor.kind !== 'terminal') {
        const file = outputFilePath(incidentDir, entryId);
        outputFile = file;
        this.follower.track(file);
        live = boundedLiveSink(show, { outputFile: file });
      }
      started = true;
      this.state.start(uri, block.index, controller);
      if (executor.kind !== 'terminal') this.echo(document, run);
    };
    let outcome: RunOutcome | undefined;
    try {
      outcome = await runPipeline(this.request(document, block, incidentDir, options, controller.signal), driver, { executor, scope: this.scope(document, executor.kind) });
      if (outcome.status === 'invalid') void showError(`${invalidText(outcome, options)}`);
      return outcome.status === 'done' ? outcome.entry : undefined;
    } finally {
      live?.end();
      if (outputFile) this.follower.ended(outputFile);
      this.progress.finish();
      const entry = outcome && (outcome.status === 'done' || outcome.status === 'not-recorded') ? outcome.entry : undefined;
      if (started) this.finish(uri, block.index, controller, entry, executor.kind !== 'terminal' && atLineStart);
      if (entry) this.services.incidents.recorded();
      offerBuiltinActions(entry);
    }
  }

  /** The header of a run in the Output channel: the block, its target and its code (redacted like the record). */
  private echo(document: vscode.TextDocument, run: PreparedRun): void {
    const code = redactText(run.recordedCode, { literals: run.secrets }).text;
    for (const line of echoHeader({ block: run.block, code, target: run.target, file: path.basename(document.uri.fsPath), at: new Date() })) this.output.appendLine(line);
    if (readSettings(document.uri).revealOutput) this.output.show(true);
  }

  private finish(uri: vscode.Uri, index: number, controller: AbortController, entry: TimelineEntry | undefined, atLineStart: boolean | false): void {
    const status = entry?.status;
    const result = entry && (status === 'ok' || status === 'failed' || status === 'stopped' || status === 'timeout')
      ? { status, exitCode: entry.exitCode ?? null, durationMs: entry.durationMs ?? 0, failedSteps: entry.failedSteps, stepsChecked: entry.stepsChecked }
      : undefined;
    // The lens shows how the whole block last ended; a selection's result is in the output and the timeline.
    this.state.finish(uri, index, controller, entry?.selection ? undefined : result);
    if (entry?.terminal) return;
    if (result) this.output.appendLine(`${atLineStart ? '' : '\n'}${resultLabel(result)}  → ${entry?.outputFile ?? ''}`);
    if (entry?.failedCommand !== undefined) this.output.appendLine(`  first failed command${entry.failedLine !== undefined ? ` (line ${entry.failedLine})` : ''}: ${entry.failedCommand} → exit ${entry.failedExitCode}`);
    if (entry?.error) this.output.appendLine(`  ${entry.error}`);
  }

  stop(uri: vscode.Uri, index: number): void {
    if (!this.state.stop(uri, index)) void vscode.window.showInformationMessage('Runbook Lens: that block is not running.');
  }

  async copy(uri: vscode.Uri, index: number): Promise<void> {
    const found = await this.blockAt(uri, index);
    if (!found) return;
    await vscode.env.clipboard.writeText(found.block.code);
    void vscode.window.setStatusBarMessage(`Runbook Lens: copied ${describeBlock(found.block)}`, 2000);
  }
}

function invalidText(outcome: Extract<RunOutcome, { status: 'invalid' }>, options: RunOptions): string {
  const p = outcome.problem;
  const label = describeBlock(outcome.block);
  switch (p.kind) {
    case 'bad-lines': return `cannot run the selection: ${p.error}.`;
    case 'missing-placeholders': return `${label} has unfilled placeholders ${p.names.map((n) => `<${n}>`).join(', ')}.`;
    case 'target-conflict': return `${label} did not run: the incident is pinned to ${p.pinned.context}/${p.pinned.namespace}, not ${p.requested.context}/${p.requested.namespace}${options.target ? '' : '. Choose the target again to re-pin it'}.`;
    case 'no-incident': return `${label} did not run: no incident is open.`;
  }
}
