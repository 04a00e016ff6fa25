import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { startCodeServer, tail, type CodeServer } from './codeServer';
import { repoRoot, resultsDir } from './paths';
import { makeWorkspace, tempDir } from './workspace';
import { followFile, readSummary } from './followFile';

export interface SuiteSummary {
  passed: number;
  failed: number;
  exitCode: number;
}

const OVERALL_TIMEOUT_MS = 10 * 60_000;

export interface SuiteRunOptions {
  extensionPath?: string;
  /** The folder to open (default: a fresh copy of the examples and fixtures). */
  workspace?: string;
  /** Extra user settings of this instance. */
  settings?: Record<string, unknown>;
  /** Extra environment of the extension host. */
  env?: NodeJS.ProcessEnv;
  /** Names this instance's files in test-results/ (default `vscode-suites`), so two can run at once. */
  name?: string;
}

/**
 * Runs the bundled mocha suites (out/test/vscode/index.js) inside code-server's real
 * extension host, with the repository loaded as the extension under development.
 * The page's payload carries extensionDevelopmentPath/extensionTestsPath; the workbench
 * reports the result through window.codeAutomationExit, which we expose from Playwright.
 * Each call has its own code-server (user data, extensions folder) and browser.
 */
export async function runSuitesInCodeServer(suitesFile: string, o: SuiteRunOptions = {}): Promise<SuiteSummary> {
  const extensionPath = o.extensionPath ?? repoRoot;
  const name = o.name ?? 'vscode-suites';
  const tmp = tempDir(name);
  const workspace = o.workspace ?? makeWorkspace(path.join(tmp.dir, 'workspace'));
  const outDir = path.join(tmp.dir, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const consoleLog = path.join(resultsDir, `${name}-console.log`);
  fs.writeFileSync(consoleLog, '');
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  const follow = followFile(path.join(outDir, 'mocha.log'));
  try {
    server = await startCodeServer({
      runDir: path.join(tmp.dir, 'server'),
      workspace,
      // The suites run blocks; an untrusted workspace is covered by the UI scenarios.
      settings: { 'security.workspace.trust.enabled': false, ...o.settings },
      env: { ...o.env, RUNBOOK_LENS_TEST_OUT: outDir, RUNBOOK_LENS_TEST_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    browser = await launchBrowser(path.join(tmp.dir, 'browser'));
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (m) => fs.appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(suitesFile)],
    ];
    await page.goto(server.pageUrl(payload));
    const code = await Promise.race([
      exitCode,
      new Promise<number>((resolve) => setTimeout(() => {
        process.stdout.write(`\nThe suites did not finish within ${OVERALL_TIMEOUT_MS / 60_000} minutes.\n`);
        resolve(1);
      }, OVERALL_TIMEOUT_MS).unref()),
    ]);
    follow.flush();
    if (code !== 0) {
      await page.screenshot({ path: path.join(resultsDir, `${name}-failure.png`) }).catch(() => undefined);
    }
    const summary = readSummary(path.join(outDir, 'summary.json'));
    if (!summary) {
      process.stdout.write(`\nThe suites did not report results (load error?). Extension host messages:\n${grepErrors(consoleLog)}\ncode-server log:\n${tail(server.logFile)}\n`);
      return { passed: 0, failed: 1, exitCode: code || 1 };
    }
    return { ...summary, exitCode: code };
  } finally {
    follow.stop();
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (!process.env.RUNBOOK_LENS_KEEP_TMP) tmp.cleanup();
    else process.stdout.write(`kept ${tmp.dir}\n`);
  }
}

function grepErrors(file: string): string {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => /^\[error\]|Extension Host|Error/.test(l)).slice(-30).join('\n');
}
