// Drives VS Code in the browser (code-server + headless Chromium) like a user:
// a fresh profile, the packaged extension installed, a throwaway copy of examples/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser';
import { startCodeServer, tail, type CodeServer } from '../harness/codeServer';
import { extensionsWithVsix } from '../harness/installedExtension';
import { resultsDir } from '../harness/paths';
import { makeWorkspace, tempDir } from '../harness/workspace';

export interface Workbench {
  page: Page;
  workspace: string;
  server: CodeServer;
  /** Saves test-results/<name>.png. */
  screenshot(name: string): Promise<string>;
}

/**
 * Runs `body` against a fresh workbench and always tears it down. Saves
 * test-results/<name>.png at the end and test-results/<name>-failure.png on failure.
 */
export async function scenario(name: string, opts: { trust: boolean; settings?: Record<string, unknown> }, body: (wb: Workbench) => Promise<void>): Promise<void> {
  const tmp = tempDir(`e2e-${name}`);
  fs.mkdirSync(resultsDir, { recursive: true });
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let page: Page | undefined;
  const shot = async (file: string) => {
    const p = path.join(resultsDir, `${file}.png`);
    await page?.screenshot({ path: p });
    return p;
  };
  try {
    const workspace = makeWorkspace(path.join(tmp.dir, 'workspace'));
    server = await startCodeServer({
      runDir: path.join(tmp.dir, 'server'),
      workspace,
      extensionsDir: await extensionsWithVsix(),
      // Keep lens and editor sizes stable for the screenshots.
      settings: { 'editor.minimap.enabled': false, 'workbench.editor.enablePreview': false, ...opts.settings },
    });
    browser = await launchBrowser(path.join(tmp.dir, 'browser'));
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
    await page.goto(server.pageUrl());
    await page.locator('.monaco-workbench').waitFor();
    await answerTrustDialog(page, opts.trust);
    await page.locator('.explorer-folders-view').waitFor();
    await body({ page, workspace, server, screenshot: shot });
    await shot(name);
  } catch (err) {
    const p = await shot(`${name}-failure`).catch(() => undefined);
    const log = server ? `\ncode-server log (tail):\n${tail(server.logFile, 15)}` : '';
    if (err instanceof Error) err.message += `${p ? `\nscreenshot: ${p}` : ''}${log}`;
    throw err;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    tmp.cleanup();
  }
}

/** A fresh profile asks whether to trust the folder's authors. */
async function answerTrustDialog(page: Page, trust: boolean): Promise<void> {
  const name = trust ? 'Yes, I trust the authors' : "No, I don't trust the authors";
  await page.getByRole('button', { name }).click();
  await page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
}

/** Opens a workspace file through Quick Open (files that existed when the window opened). */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.fill(fileName);
  // The focused row, as in runCommand: recently opened files are listed before the filter applies.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
}

/** Runs a command from the Command Palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.fill(`>${title}`);
  // Enter accepts the focused row. A command run earlier is listed among the recently used as soon
  // as the palette opens, before the typed filter applies; waiting for any row with the title let
  // Enter accept whichever row was on top then (likely why scenario 8 once never saw its pick).
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Opens a workspace file from the Explorer, expanding its folders one click at a time
 * (Quick Open can miss files created during the session).
 */
export async function openFromExplorer(page: Page, workspace: string, file: string): Promise<void> {
  const parts = path.relative(workspace, file).split(path.sep);
  const tree = page.locator('.explorer-folders-view');
  for (const [i, name] of parts.entries()) {
    const row = tree.getByRole('treeitem', { name, exact: true });
    const isFile = i === parts.length - 1;
    if (isFile || (await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  }
  await page.locator('.tabs-container .tab.active', { hasText: parts[parts.length - 1] }).waitFor();
}

/** The text area of the active editor (not the Output panel, which is a Monaco editor too). */
export function activeEditorText(page: Page): Locator {
  return page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines');
}

/** Scrolls the active editor to the last line of `file` matching `pattern` (read from disk). */
export async function revealLast(page: Page, file: string, pattern: RegExp): Promise<void> {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const index = lines.map((l) => pattern.test(l)).lastIndexOf(true);
  if (index < 0) throw new Error(`${file} has no line matching ${pattern}`);
  await goToLine(page, index + 1);
}

/** The CodeLens links currently rendered, top to bottom (only lenses near the viewport are rendered). */
export async function lensesInView(page: Page): Promise<{ text: string; y: number; link: Locator }[]> {
  const links = page.locator('.part.editor .codelens-decoration a');
  const n = await links.count();
  const found = [];
  for (let i = 0; i < n; i++) {
    const link = links.nth(i);
    const box = await link.boundingBox();
    if (box) found.push({ text: (await link.innerText()).trim(), y: box.y, link });
  }
  return found.sort((a, b) => a.y - b.y);
}

/**
 * The lens titled `title` that belongs to the block containing `blockText` (lenses are drawn
 * just above their fence line, so: the nearest lens line above that text).
 */
async function findLensForBlock(page: Page, blockText: string, title: RegExp): Promise<Locator> {
  const line = page.locator('.part.editor .view-line', { hasText: blockText }).first();
  await line.waitFor();
  const lineBox = await line.boundingBox();
  const editorBox = await page.locator('.part.editor .editor-group-container.active .monaco-editor .overflow-guard').first().boundingBox();
  if (!lineBox || !editorBox || lineBox.y + lineBox.height > editorBox.y + editorBox.height || lineBox.y < editorBox.y) {
    throw new Error(`the line with ${blockText} is not on screen (use goToLine first)`);
  }
  const lenses = (await lensesInView(page)).filter((l) => l.y < lineBox.y && l.y >= editorBox.y);
  const nearestY = Math.max(...lenses.map((l) => l.y));
  // The fence and the lens line sit right above the first body line.
  if (!lenses.length || lineBox.y - nearestY > 3.5 * lineBox.height) throw new Error(`no lens right above "${blockText}"`);
  const hit = lenses.find((l) => l.y === nearestY && title.test(l.text));
  if (!hit) {
    throw new Error(`no lens ${title} above "${blockText}"; lenses there: ${lenses.filter((l) => l.y === nearestY).map((l) => l.text).join(' | ')}`);
  }
  return hit.link;
}

/** Waits until the block containing `blockText` shows a lens matching `title`. */
export async function lensForBlock(page: Page, blockText: string, title: RegExp, timeoutMs = 15_000): Promise<Locator> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await findLensForBlock(page, blockText, title);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The text of the lens matching `title` on the block containing `blockText`, once it shows. */
export async function waitForLens(page: Page, blockText: string, title: RegExp, timeoutMs = 15_000): Promise<string> {
  return (await lensForBlock(page, blockText, title, timeoutMs)).innerText();
}

/** Moves the cursor to a 1-based line so its lens is on screen (Go to Line). */
export async function goToLine(page: Page, line: number): Promise<void> {
  // Ctrl+G opens Quick Open in the browser; its ':' prefix is Go to Line.
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input[type="text"]').fill(`:${line}`);
  await page.keyboard.press('Enter');
}

/**
 * The first run with no incident open asks to start one: confirm, then answer the
 * "Start Incident" steps as a user would (a title, severity P2, the offered defaults for
 * anything else). Returns when the last step is gone, or when a step titled `stopAt` shows.
 */
export async function startIncidentWhenAsked(page: Page, title: string, options: { stopAt?: RegExp } = {}): Promise<void> {
  await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Start Incident' }).click();
  const widget = page.locator('.quick-input-widget');
  const stepTitle = widget.locator('.quick-input-title');
  let previous = '';
  for (let step = 0; step < 8; step++) {
    const deadline = Date.now() + (step === 0 ? 15_000 : 3_000);
    let current = '';
    while (Date.now() < deadline) {
      current = (await widget.isVisible()) ? await stepTitle.innerText().catch(() => '') : '';
      if (current && current !== previous) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!current || current === previous) {
      if (step === 0) throw new Error('the Start Incident steps did not appear');
      return;
    }
    // The run's own next prompt (e.g. a placeholder) is no Start Incident step.
    if (options.stopAt?.test(current)) return;
    previous = current;
    if (/severity/i.test(current)) {
      await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'P2' }).first().click();
    } else if (step === 0) {
      await widget.locator('input[type="text"]').fill(title);
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('Enter');
    }
  }
}

/** The single incident folder created in the workspace, once it exists. */
export async function incidentDir(workspace: string, timeoutMs = 10_000): Promise<string> {
  const root = path.join(workspace, 'incidents');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dirs = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'incident.json'))) : [];
    if (dirs.length === 1) return path.join(root, dirs[0]);
    if (dirs.length > 1) throw new Error(`expected one incident, found ${dirs.join(', ')}`);
    if (Date.now() > deadline) throw new Error(`no incident folder under ${root} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `file` exists and matches `pattern`; returns its text. */
export async function fileMatching(file: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`${file} does not match ${pattern} after ${timeoutMs} ms:\n${text.slice(-800)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
