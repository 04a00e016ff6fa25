import * as vscode from 'vscode';
import type { TerminalHost, TerminalRun } from '../../core/run';
import { shortLabel } from '../../core/runbook/blockLabel';

export { needsTerminal } from '../../core/exec/needsTty';

const SHELL_INTEGRATION_WAIT_MS = 4000;
const SHELL_START_MS = 15_000;

/**
 * The integrated terminal for blocks that need a TTY (the core terminal executor records them).
 * With shell integration the exit code and output are captured; without it the command is typed
 * and the run is recorded as not observed. Stop sends Ctrl-C, as a user would.
 */
export function vscodeTerminalHost(): TerminalHost {
  return {
    async run({ commandLine, cwd, env, run }): Promise<TerminalRun> {
      const where = run.target ? ` · ${run.target.context}/${run.target.namespace}` : '';
      const terminal = vscode.window.createTerminal({ name: `Runbook Lens · ${shortLabel(run.block)}${where}`, cwd, env });
      const closed = new Promise<void>((resolve) => {
        const sub = vscode.window.onDidCloseTerminal((t) => {
          if (t === terminal) {
            sub.dispose();
            resolve();
          }
        });
      });
      terminal.show();
      const startedAt = new Date();
      const signal = run.request.signal;
      signal?.addEventListener('abort', () => terminal.sendText('\u0003', false), { once: true });
      const integration = await waitForShellIntegration(terminal, SHELL_INTEGRATION_WAIT_MS);
      const done = (observed: boolean, raw = '', exitCode: number | null = null): TerminalRun =>
        ({ observed, raw, exitCode, stopped: signal?.aborted ?? false, startedAt, durationMs: Date.now() - startedAt.getTime(), closed });
      // Stopped while the shell was starting: the block never runs.
      if (signal?.aborted) return done(true);
      if (!integration) {
        terminal.sendText(commandLine, true);
        return done(false);
      }
      const { raw, exitCode } = await executeObserved(terminal, integration, commandLine);
      return done(true, raw, exitCode);
    },
  };
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
