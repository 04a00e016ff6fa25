import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../core/incident/types';
import { outputPath } from './incidentModel';
import { entryColumns } from '../../core/incident/entryColumns';

/** The runbook an entry ran, looked up in the workspace folders (entries store it workspace-relative). */
export function runbookUri(entry: TimelineEntry): vscode.Uri | undefined {
  if (!entry.runbook) return undefined;
  if (path.isAbsolute(entry.runbook)) return fs.existsSync(entry.runbook) ? vscode.Uri.file(entry.runbook) : undefined;
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    const file = path.join(f.uri.fsPath, entry.runbook);
    if (fs.existsSync(file)) return vscode.Uri.file(file);
  }
  return undefined;
}

/**
 * Jumps to the runbook line of an entry and opens its full output in the side column
 * (entryColumns: never a third column). `timeline` is the timeline panel's column.
 */
export async function openEntry(dir: string, entry: TimelineEntry, timeline?: vscode.ViewColumn): Promise<{ runbook?: vscode.Uri; output?: vscode.Uri }> {
  const opened: { runbook?: vscode.Uri; output?: vscode.Uri } = {};
  const rb = runbookUri(entry);
  const showing = rb && vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === rb.toString())?.viewColumn;
  const columns = entryColumns(vscode.window.tabGroups.all.map((g) => g.viewColumn), showing, timeline);
  if (rb) {
    const doc = await vscode.workspace.openTextDocument(rb);
    const line = Math.max(0, Math.min(doc.lineCount - 1, (entry.line ?? 1) - 1));
    const range = new vscode.Range(line, 0, line, 0);
    await vscode.window.showTextDocument(doc, { viewColumn: columns.runbook, selection: range, preserveFocus: true, preview: false });
    opened.runbook = rb;
  } else if (entry.runbook) {
    void vscode.window.showWarningMessage(`Runbook Lens: ${entry.runbook} is not in this workspace.`);
  }
  const out = outputPath(dir, entry);
  if (out && fs.existsSync(out)) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(out));
    await vscode.window.showTextDocument(doc, { viewColumn: columns.output, preserveFocus: true, preview: true });
    opened.output = vscode.Uri.file(out);
  }
  return opened;
}
