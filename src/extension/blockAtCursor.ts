import * as vscode from 'vscode';
import type { BlockKind, RunbookBlock } from '../core/runbook/types';
import type { RunbookCache } from './runbookCache';

export interface BlockRef {
  uri: vscode.Uri;
  index: number;
}

/** The runnable block (of `kind`, when given) under the cursor of `editor`, read through the shared cache. */
export function blockAtCursor(runbooks: RunbookCache, editor: vscode.TextEditor | undefined, kind?: BlockKind): (BlockRef & { block: RunbookBlock }) | undefined {
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  const line = editor.selection.active.line + 1;
  const block = runbooks.get(editor.document).blocks.find((b) => (!kind || b.kind === kind) && b.line <= line && line <= b.endLine);
  return block ? { uri: editor.document.uri, index: block.index, block } : undefined;
}
