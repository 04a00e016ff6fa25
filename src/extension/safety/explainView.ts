/** Explain Block: the core explanation shown as a read-only Markdown document and its preview. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { explainBlock, explanationMarkdown } from '../../core/guard/explain';
import { judgeBlock } from '../../core/guard/judgeBlock';
import { describeBlock } from '../../core/runbook/blockLabel';
import type { BlockRef } from '../blockAtCursor';
import type { ExtensionServices } from '../services';
import { readSafety } from '../settings';

export const EXPLAIN_SCHEME = 'runbook-lens-explain';

export class ExplainDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export async function explainBlockCommand(docs: ExplainDocuments, services: ExtensionServices, at: BlockRef): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(at.uri);
  const block = services.runbooks.get(document).blocks.find((b) => b.index === at.index);
  if (!block || block.kind !== 'shell') {
    void vscode.window.showInformationMessage(`Runbook Lens: ${block ? `${describeBlock(block)} is a ${block.lang} block, not a shell block` : 'that block no longer exists (the runbook changed)'}.`);
    return undefined;
  }
  const safety = readSafety(at.uri);
  const target = services.target.current() ?? null;
  const { assessment, decision } = await judgeBlock(block, block.code, { rules: safety.rules, target, protectedPatterns: safety.protectedPatterns, placeholders: block.placeholders });
  const markdown = explanationMarkdown(explainBlock(block, assessment, target, decision));
  const name = `Explain ${path.basename(at.uri.fsPath, '.md')} line ${block.line}.md`;
  const view = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${name}`, query: at.uri.toString() });
  docs.set(view, markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', view);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(view), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return markdown;
}
