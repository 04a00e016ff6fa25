import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunbookBlock } from '../../core/runbook/types';
import type { KubeTarget } from '../../core/kube/types';
import type { Confirmation, RunResult, TimelineEntry } from '../../core/incident/types';
import { appendEntry, newEntryId } from '../../core/incident/timeline';
import { mergeCounts, redactText } from '../../core/incident/redaction/redact';
import { stripAnsi } from '../../core/exec/ansi';
import { SECRET_OUTPUT_KIND, secretCommands, withheldNote } from '../../core/incident/redaction/secretCommands';
import { capOutput } from '../../core/exec/outputCap';
import { failureFields, runStatus } from '../../core/exec/recordRun';
import type { StepFailure } from '../../core/exec/stepCheck';
import { terminalCommand } from '../../core/exec/terminalCommand';
import { describeBlock, shortLabel } from '../../core/runbook/blockLabel';
import { exitText } from '../../core/incident/entryText';
import { readSettings } from '../settings';
import type { ExtensionServices } from '../services';
import type { RunState } from './runState';

export { needsTerminal } from '../../core/exec/needsTty';

export interface TerminalRunArgs {
  services: ExtensionServices;
  document: vscode.TextDocument;
  block: RunbookBlock;
  code: string;
  /** The code as recorded (secret placeholder values masked), and those values. */
  recordedCode: string;
  secrets: string[];
  incidentDir: string;
  target: KubeTarget | undefined;
  confirmation: Confirmation | undefined;
  state: RunState;
}

const SHELL_INTEGRATION_WAIT_MS = 4000;
const SHELL_START_MS = 15_000;

/**
 * Runs a block that needs a TTY in the integrated terminal. With shell integration the exit code
 * and output are captured into the timeline; without it the entry says they could not be.
 */
export async function runInTerminal(a: TerminalRunArgs): Promise<TimelineEntry | undefined> {
  // Written ahead, as for ▶ Run: if the start cannot be recorded, nothing runs.
  const startId = newEntryId();
  const id = newEntryId();
  const runbook = vscode.workspace.asRelativePath(a.document.uri, false);
  try {
    await appendEntry(a.incidentDir, {
      id: startId, time: new Date().toISOString(), kind: 'command', runbook, block: a.block.index, line: a.block.line,
      section: a.block.section, command: redactText(a.recordedCode, { literals: a.secrets }).text, target: a.target ?? null, outputFile: path.join('outputs', `${id}.log`),
      status: 'started', terminal: true, ...(a.confirmation ? { confirmation: a.confirmation } : {}),
    });
  } catch (err) {
    void vscode.window.showErrorMessage(`Runbook Lens: ${describeBlock(a.block)} did not run: its start could not be recorded in ${path.join(a.incidentDir, 'timeline.jsonl')}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  const scoped = a.target && a.services.target ? await a.services.target.scopedEnv(a.target) : undefined;
  const where = a.target ? ` · ${a.target.context}/${a.target.namespace}` : '';
  const terminal = vscode.window.createTerminal({
    name: `Runbook Lens · ${shortLabel(a.block)}${where}`,
    cwd: path.dirname(a.document.uri.fsPath),
    env: scoped?.env,
  });
  const typed = await terminalCommand(a.code, readSettings(a.document.uri).shell, a.block.attributes);
  // The scoped kubeconfig (and a script not yet cleaned up) live as long as the terminal.
  const closeSub = vscode.window.onDidCloseTerminal((t) => {
    if (t === terminal) {
      closeSub.dispose();
      void scoped?.dispose();
      void typed.dispose();
    }
  });
  terminal.show();
  const started = Date.now();
  // The lens shows ■ Stop while the terminal runs the block; Stop sends Ctrl-C, as a user would.
  const uri = a.document.uri;
  const controller = a.state.start(uri, a.block.index);
  controller.signal.addEventListener('abort', () => terminal.sendText('\u0003', false), { once: true });
  let exitCode: number | null = null;
  let raw = '';
  let captured = false;
  let durationMs = 0;
  let status: RunResult | 'unknown' = 'unknown';
  let failures: StepFailure[] = [];
  try {
    const integration = await waitForShellIntegration(terminal, SHELL_INTEGRATION_WAIT_MS);
    if (controller.signal.aborted) {
      // Stopped while the shell was starting: the block never runs.
      captured = true;
    } else if (integration) {
      ({ raw, exitCode } = await executeObserved(terminal, integration, typed.commandLine));
      captured = true;
      failures = typed.failures();
      await typed.dispose();
    } else {
      terminal.sendText(typed.commandLine, true);
    }
  } finally {
    durationMs = Date.now() - started;
    if (captured) status = runStatus({ timedOut: false, cancelled: controller.signal.aborted, exitCode, failedSteps: failures.length });
    a.state.finish(uri, a.block.index, controller, status === 'unknown' ? undefined : { status, exitCode, durationMs, failedSteps: failures.length });
  }
  const printsSecrets = await secretCommands(a.code);
  const clean = printsSecrets.length
    ? { text: withheldNote(Buffer.byteLength(raw), printsSecrets), counts: { [SECRET_OUTPUT_KIND]: 1 } }
    : redactText(stripAnsi(raw), { literals: a.secrets });
  const outputFile = path.join('outputs', `${id}.log`);
  let outputError = '';
  try {
    await fs.mkdir(path.join(a.incidentDir, 'outputs'), { recursive: true });
    await fs.writeFile(path.join(a.incidentDir, outputFile), clean.text);
  } catch (err) {
    outputError = err instanceof Error ? err.message : String(err);
  }
  const capped = capOutput(clean.text);
  const command = redactText(a.recordedCode, { literals: a.secrets });
  const entry: TimelineEntry = {
    id,
    time: new Date(started).toISOString(),
    kind: 'command',
    actor: vscode.workspace.getConfiguration('runbookLens').get<string>('actor') || undefined,
    runbook,
    block: a.block.index,
    line: a.block.line,
    section: a.block.section,
    command: command.text,
    target: a.target ?? null,
    exitCode,
    signal: null,
    durationMs,
    output: captured ? capped.text : '(ran in the integrated terminal; output not captured because shell integration was unavailable)',
    outputFile,
    truncated: capped.truncated,
    redactions: mergeCounts(clean.counts, command.counts),
    confirmation: a.confirmation,
    ...(a.block.selectedLines ? { lines: a.block.selectedLines, selection: true } : {}),
    status,
    startedEntry: startId,
    ...(outputError ? { error: `cannot write ${outputFile}: ${outputError}` } : {}),
    ...failureFields(a, failures),
    terminal: true,
  };
  try {
    await appendEntry(a.incidentDir, entry);
  } catch (err) {
    // It ran: say how it ended and where its output is, since the timeline could not take it.
    const output = outputError ? `its output could not be saved either (${outputError}); it is in the terminal` : `its output is in ${path.join(a.incidentDir, outputFile)}`;
    void vscode.window.showErrorMessage(`Runbook Lens: ${describeBlock(a.block)} ran in the terminal (${exitText(entry)}) but its result could not be recorded in ${path.join(a.incidentDir, 'timeline.jsonl')}: ${err instanceof Error ? err.message : String(err)}; ${output}.`);
    return undefined;
  }
  return entry;
}

/** Runs a command through shell integration; its output and exit code (null if the terminal closed first). */
async function executeObserved(terminal: vscode.Terminal, integration: vscode.TerminalShellIntegration, commandLine: string): Promise<{ raw: string; exitCode: number | null }> {
  const execution = integration.executeCommand(commandLine);
  const subs: vscode.Disposable[] = [];
  const ended = new Promise<number | null>((resolve) => {
    subs.push(
      vscode.window.onDidEndTerminalShellExecution((e) => { if (e.execution === execution) resolve(e.exitCode ?? null); }),
      vscode.window.onDidCloseTerminal((t) => { if (t === terminal) resolve(null); }),
    );
  });
  let raw = '';
  const reading = (async () => {
    for await (const chunk of execution.read()) raw += chunk;
  })();
  const exitCode = await ended;
  // The stream ends with the execution; after a closed terminal it may not, so it is not awaited then.
  if (exitCode !== null) await reading;
  for (const s of subs) s.dispose();
  return { raw, exitCode };
}

/**
 * Shell integration arrives a moment after the shell starts, and the first terminal of a window
 * can take seconds to start (the pty host starts with it): the wait counts from the shell's start,
 * not from createTerminal.
 */
function waitForShellIntegration(terminal: vscode.Terminal, ms: number): Promise<vscode.TerminalShellIntegration | undefined> {
  if (terminal.shellIntegration) return Promise.resolve(terminal.shellIntegration);
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const done = (value: vscode.TerminalShellIntegration | undefined) => {
      clearTimeout(timer);
      clearTimeout(startCap);
      sub.dispose();
      resolve(value);
    };
    const sub = vscode.window.onDidChangeTerminalShellIntegration((e) => {
      if (e.terminal === terminal) done(e.shellIntegration);
    });
    const startWait = () => {
      if (!timer) timer = setTimeout(() => done(terminal.shellIntegration), ms);
    };
    // A shell that never reports its process still gets the wait, after SHELL_START_MS.
    const startCap = setTimeout(startWait, SHELL_START_MS);
    void Promise.resolve(terminal.processId).then(startWait, startWait);
  });
}
