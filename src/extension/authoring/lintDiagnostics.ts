import * as vscode from 'vscode';
import { lintRunbook } from '../../core/lint/lintRunbook';
import type { LintDiagnostic, LintFix } from '../../core/lint/types';
import type { RunbookCache } from '../runbookCache';
import { safetyConfig } from '../../core/config/safety';
import { readSettings } from '../settings';
import { errorText } from '../commands';

const SEVERITY: Record<LintDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export const LINT_SOURCE = 'Runbook Lens';
const DEBOUNCE_MS = 300;

export function toRange(d: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(d.line - 1, d.column, d.endLine - 1, d.endColumn);
}

/** Keeps the Problems panel in step with each open Markdown document, linting after typing pauses. */
export class LintDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('runbookLens');
  /** Quick fixes by document and `code@line:column`: code actions receive copies of diagnostics. */
  private readonly fixes = new Map<string, Map<string, LintFix>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly runbooks: RunbookCache) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('runbookLens.lint') || e.affectsConfiguration('runbookLens.safety')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }

  fixFor(uri: vscode.Uri, code: string, start: vscode.Position): LintFix | undefined {
    return this.fixes.get(uri.toString())?.get(`${code}@${start.line}:${start.character}`);
  }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Lints now and resolves when the diagnostics are published (used by tests and on open). */
  async update(document: vscode.TextDocument): Promise<void> {
    if (!isRunbook(document)) return;
    const settings = readSettings(document.uri);
    if (!settings.lintEnabled) {
      this.clear(document.uri);
      return;
    }
    const version = document.version;
    // The user's extra destructive and deny patterns count, as they do when the block runs.
    const found = await lintRunbook(document.getText(), { runbook: this.runbooks.get(document), guardRules: safetyConfig(settings).rules });
    // A newer edit has its own lint coming; never publish positions for an older text.
    if (document.isClosed || document.version !== version) return;
    const fixes = new Map<string, LintFix>();
    const diagnostics = found.map((f) => {
      const d = new vscode.Diagnostic(toRange(f), f.message, SEVERITY[f.severity]);
      d.source = LINT_SOURCE;
      d.code = f.code;
      if (f.fix) fixes.set(`${f.code}@${f.line - 1}:${f.column}`, f.fix);
      return d;
    });
    this.fixes.set(document.uri.toString(), fixes);
    this.collection.set(document.uri, diagnostics);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isRunbook(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.update(document).catch((err: unknown) => console.error(`Runbook Lens lint: ${errorText(err)}`));
    }, delay));
  }

  private clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.fixes.delete(uri.toString());
  }
}

function isRunbook(d: vscode.TextDocument): boolean {
  return d.languageId === 'markdown' && (d.uri.scheme === 'file' || d.uri.scheme === 'untitled');
}
