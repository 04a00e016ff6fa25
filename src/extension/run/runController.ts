import { liveRedactedSink } from '../../core/exec/liveOutput';
import { secretCommands } from '../../core/incident/redaction/secretCommands';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fillWithSecrets, type FilledCode } from '../../core/runbook/secretPlaceholders';
import type { RunbookBlock } from '../../core/runbook/types';
import type { KubeTarget } from '../../core/kube/types';
import type { TimelineEntry } from '../../core/incident/types';
import { runAndRecord, RunNotRecordedError } from '../../core/exec/recordRun';
import { effectiveTimeoutMs } from '../../core/exec/timeout';
import type { ExtensionServices } from '../services';
import type { RunbookCache } from '../runbookCache';
import { askPlaceholders, PlaceholderMemory } from './placeholderPrompt';
import { RunState } from './runState';
import { resultLabel } from '../../core/runbook/lensModel';
import { runInTerminal, needsTerminal } from './terminalRun';
import { readSettings } from '../settings';
import { describeBlock } from '../../core/runbook/blockLabel';
import { selectBlockLines } from '../../core/runbook/selectLines';
import { echoHeader } from '../../core/exec/runEcho';
import { refuseGenerated } from '../generatedDocument';
import { offerBuiltinActions } from './builtinOffer';
import { serviceProxyWanted } from '../../core/runbook/attributes';

export interface RunOptions {
  /** Placeholder values given up front (tests, run-all forms). */
  vars?: Record<string, string>;
  /** Run on this target instead of the current one (Run on several contexts…). */
  target?: KubeTarget;
  /** Skip the confirmation prompt because the caller already asked. */
  confirmed?: TimelineEntry['confirmation'];
  /** Run Selection: run only these runbook lines (first, last) of the block. */
  lines?: [number, number];
}

export class RunController implements vscode.Disposable {
  readonly state = new RunState();
  readonly memory: PlaceholderMemory;
  private readonly output = vscode.window.createOutputChannel('Runbook Lens');

  constructor(private readonly services: ExtensionServices, private readonly runbooks: RunbookCache) {
    this.memory = new PlaceholderMemory(services.context.workspaceState);
  }

  dispose(): void {
    this.state.dispose();
    this.output.dispose();
  }

  showOutput(): void {
    this.output.show(true);
  }

  /** The block, or with `lines` only those lines of it; undefined (and an error shown) when it is gone or the lines are not in it. */
  async blockAt(uri: vscode.Uri, index: number, lines?: [number, number]): Promise<{ document: vscode.TextDocument; block: RunbookBlock } | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const block = this.runbooks.get(document).blocks.find((b) => b.index === index);
    if (!block) {
      void vscode.window.showErrorMessage(`Runbook Lens: that block no longer exists in ${path.basename(uri.fsPath)} (the runbook changed).`);
      return undefined;
    }
    if (!lines) return { document, block };
    const picked = selectBlockLines(block, lines[0], lines[1]);
    if (!picked.ok) void vscode.window.showErrorMessage(`Runbook Lens: cannot run the selection: ${picked.error}.`);
    return picked.ok ? { document, block: picked.block } : undefined;
  }

  /** Fills placeholders for `block`, asking what is missing. undefined = cancelled. Secret values are not remembered. */
  async resolveCode(block: RunbookBlock, incidentDir: string, target: KubeTarget | undefined, preset?: Record<string, string>): Promise<(FilledCode & { values: Record<string, string> }) | undefined> {
    const remembered = this.memory.get(incidentDir);
    const choices = target && this.services.target?.placeholderChoices
      ? (name: string) => this.services.target!.placeholderChoices!(name, target)
      : undefined;
    const values = await askPlaceholders(block.placeholders, remembered, preset, choices);
    if (!values) return undefined;
    await this.memory.remember(incidentDir, values);
    return { ...fillWithSecrets(block, values), values };
  }

  async run(uri: vscode.Uri, index: number, options: RunOptions = {}): Promise<TimelineEntry | undefined> {
    if (!vscode.workspace.isTrusted) {
      const pick = await vscode.window.showWarningMessage(
        'Runbook Lens: blocks do not run in an untrusted workspace. A runbook is text someone else wrote; trust the workspace first.',
        'Manage Workspace Trust',
      );
      if (pick) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    const found = await this.blockAt(uri, index, options.lines);
    if (!found) return undefined;
    const { document, block } = found;
    if (refuseGenerated(document)) return undefined;
    if (block.kind !== 'shell') {
      return vscode.commands.executeCommand<TimelineEntry | undefined>('runbookLens.runQuery', uri, index, { vars: options.vars });
    }
    if (needsTerminal(block)) return this.runInTerminal(uri, index, options);

    const incidentDir = await this.services.incidents.ensure();
    if (!incidentDir) return undefined;
    const target = options.target ?? this.services.target?.current();
    const filled = await this.resolveCode(block, incidentDir, target, options.vars);
    if (filled === undefined) return undefined;
    const { code } = filled;
    const confirmation = options.confirmed ?? (this.services.guard ? await this.services.guard.confirmRun(block, code, target) : undefined);
    if (this.services.guard && !confirmation) return undefined;

    const settings = readSettings(document.uri);
    const controller = this.state.start(uri, index);
    const serviceProxy = settings.clusterServiceProxy && serviceProxyWanted(block.attributes);
    const scoped = target && this.services.target ? await this.scopedEnvOrReport(target, serviceProxy) : undefined;
    if (target && this.services.target && !scoped) {
      this.state.finish(uri, index, controller, undefined);
      return undefined;
    }
    filled.secrets.push(...(scoped?.secrets ?? []));
    const label = describeBlock(block);
    for (const line of echoHeader({ block, code: filled.recordedCode, target, file: path.basename(document.uri.fsPath), at: new Date() })) this.output.appendLine(line);
    if (settings.revealOutput) this.output.show(true);
    let atLineStart = true;
    const live = liveRedactedSink((text) => {
      this.output.append(text);
      atLineStart = text.endsWith('\n');
    }, { literals: filled.secrets, withheld: await secretCommands(code) });
    let entry: TimelineEntry | undefined;
    try {
      entry = await runAndRecord({
        incidentDir,
        runbookPath: document.uri.fsPath,
        runbookRel: vscode.workspace.asRelativePath(document.uri, false),
        block,
        code,
        recordedCode: filled.recordedCode,
        secrets: filled.secrets,
        shell: settings.shell,
        env: { ...process.env, ...(scoped?.env ?? {}) },
        timeoutMs: effectiveTimeoutMs(block.attributes.timeout, settings.defaultTimeoutSeconds),
        signal: controller.signal,
        target: target ?? null,
        confirmation,
        actor: settings.actor,
        onData: (chunk) => live.write(chunk),
        resultFields: scoped?.entryFields,
      });
      for (const note of scoped?.notes?.() ?? []) {
        this.output.appendLine(`${atLineStart ? '' : '\n'}Runbook Lens: ${note}`);
        atLineStart = true;
      }
      // The cause of a run that could not start (missing shell or folder, code too long for exec).
      if (entry.error && entry.exitCode === null && !entry.signal) void vscode.window.showErrorMessage(`Runbook Lens: ${label} did not start: ${entry.error}`);
      return entry;
    } catch (err) {
      // The block ran but its result was not written: the lens still shows how it ended.
      if (err instanceof RunNotRecordedError && err.entry) entry = err.entry;
      const where = err instanceof RunNotRecordedError && err.phase === 'end' ? ' What it printed is in the Runbook Lens output channel.' : '';
      const text = err instanceof RunNotRecordedError ? err.message : `could not be recorded: ${err instanceof Error ? err.message : String(err)}`;
      void vscode.window.showErrorMessage(err instanceof RunNotRecordedError ? `Runbook Lens: ${text}.${where}` : `Runbook Lens: ${label} ${text}`);
      return undefined;
    } finally {
      await scoped?.dispose().catch(() => undefined);
      live.end();
      const status = entry?.status as 'ok' | 'failed' | 'stopped' | 'timeout' | undefined;
      const result = entry && status ? { status, exitCode: entry.exitCode ?? null, durationMs: entry.durationMs ?? 0, failedSteps: entry.failedSteps, stepsChecked: entry.stepsChecked } : undefined;
      // The lens shows how the whole block last ended; a selection's result is in the output and the timeline.
      this.state.finish(uri, index, controller, block.selectedLines ? undefined : result);
      if (result) this.output.appendLine(`${atLineStart ? '' : '\n'}${resultLabel(result)}  → ${entry?.outputFile ?? ''}`);
      if (entry?.failedCommand !== undefined) this.output.appendLine(`  first failed command${entry.failedLine !== undefined ? ` (line ${entry.failedLine})` : ''}: ${entry.failedCommand} → exit ${entry.failedExitCode}`);
      if (entry?.error) this.output.appendLine(`  ${entry.error}`);
      offerBuiltinActions(entry);
    }
  }

  stop(uri: vscode.Uri, index: number): void {
    if (!this.state.stop(uri, index)) void vscode.window.showInformationMessage('Runbook Lens: that block is not running.');
  }

  async runInTerminal(uri: vscode.Uri, index: number, options: RunOptions = {}): Promise<TimelineEntry | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Runbook Lens: blocks do not run in an untrusted workspace.');
      return undefined;
    }
    const found = await this.blockAt(uri, index, options.lines);
    if (!found || refuseGenerated(found.document)) return undefined;
    const incidentDir = await this.services.incidents.ensure();
    if (!incidentDir) return undefined;
    const target = options.target ?? this.services.target?.current();
    const filled = await this.resolveCode(found.block, incidentDir, target, options.vars);
    if (filled === undefined) return undefined;
    const confirmation = options.confirmed ?? (this.services.guard ? await this.services.guard.confirmRun(found.block, filled.code, target) : undefined);
    if (this.services.guard && !confirmation) return undefined;
    const entry = await runInTerminal({
      services: this.services,
      document: found.document,
      block: found.block,
      code: filled.code,
      recordedCode: filled.recordedCode,
      secrets: filled.secrets,
      incidentDir,
      target,
      confirmation,
      state: this.state,
    });
    offerBuiltinActions(entry);
    return entry;
  }

  async copy(uri: vscode.Uri, index: number): Promise<void> {
    const found = await this.blockAt(uri, index);
    if (!found) return;
    await vscode.env.clipboard.writeText(found.block.code);
    void vscode.window.setStatusBarMessage(`Runbook Lens: copied ${describeBlock(found.block)}`, 2000);
  }

  private async scopedEnvOrReport(target: KubeTarget, serviceProxy: boolean) {
    try {
      return await this.services.target!.scopedEnv(target, { serviceProxy });
    } catch (err) {
      void vscode.window.showErrorMessage(`Runbook Lens: cannot target ${target.context}/${target.namespace}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
}
