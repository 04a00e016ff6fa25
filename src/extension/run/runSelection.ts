/**
 * Run Selection: runs only the selected lines of one block, through the same placeholders,
 * guard, targeting and recording as ▶ Run. The `runbookLens.selectionInBlock` context key shows
 * the command in the editor's context menu only when the selection is inside one runnable block.
 */
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../core/incident/types';
import { selectRunbookLines, type LineSelection } from '../../core/runbook/selectLines';
import { editorFor } from '../commandArgs';
import type { RunbookCache } from '../runbookCache';
import type { RunController } from './runController';
import { showError } from '../commands';

const CONTEXT_KEY = 'runbookLens.selectionInBlock';

/** Whole runbook lines (1-based): a selection ending at the start of a line does not take that line. */
export function selectedLineRange(selection: vscode.Selection): [number, number] {
  const end = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
  return [selection.start.line + 1, end + 1];
}

function pick(editor: vscode.TextEditor, runbooks: RunbookCache): LineSelection & { lines?: [number, number] } {
  if (editor.document.languageId !== 'markdown') return { ok: false, error: 'this is not a Markdown runbook' };
  if (editor.selections.length > 1) return { ok: false, error: 'there are several selections: select one range of lines' };
  if (editor.selection.isEmpty) return { ok: false, error: 'nothing is selected: select the lines of a block to run' };
  const lines = selectedLineRange(editor.selection);
  return { ...selectRunbookLines(runbooks.get(editor.document), lines[0], lines[1]), lines };
}

export async function runSelectionCommand(runs: RunController, runbooks: RunbookCache, arg?: unknown): Promise<TimelineEntry | undefined> {
  const editor = editorFor(arg);
  if (!editor) {
    void showError('Run Selection needs a runbook open in the editor, with lines of one block selected.');
    return undefined;
  }
  const picked = pick(editor, runbooks);
  if (!picked.ok || !picked.lines) {
    void showError(`cannot run the selection: ${picked.ok ? 'no lines' : picked.error}.`);
    return undefined;
  }
  return runs.run(editor.document.uri, picked.block.index, { lines: picked.lines });
}

/** Keeps the context key true exactly when Run Selection would run something. */
export function trackSelectionInBlock(runbooks: RunbookCache): vscode.Disposable {
  let last: boolean | undefined;
  const update = (editor: vscode.TextEditor | undefined) => {
    const value = !!editor && pick(editor, runbooks).ok;
    if (value !== last) void vscode.commands.executeCommand('setContext', CONTEXT_KEY, value);
    last = value;
  };
  update(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((e) => update(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}
