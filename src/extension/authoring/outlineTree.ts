import { notRunnableReason } from '../generatedDocument';
import { listLabel } from '../../core/runbook/blockLabel';
import * as vscode from 'vscode';
import { lastBlockResults, type BlockResult } from '../../core/incident/blockResults';
import { readTimeline } from '../../core/incident/timeline';
import { buildOutline, hasBlocks, type OutlineSection } from '../../core/runbook/outline';
import type { RunbookBlock } from '../../core/runbook/types';
import type { RunDeps } from '../extension';

export type BlockStatus = 'not run' | 'running' | BlockResult;

export type OutlineNode =
  | { kind: 'section'; uri: vscode.Uri; section: OutlineSection }
  | { kind: 'block'; uri: vscode.Uri; block: RunbookBlock };

const ICONS: Record<BlockStatus, [string, string | undefined]> = {
  'not run': ['circle-outline', undefined],
  running: ['sync~spin', undefined],
  ok: ['pass', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  stopped: ['debug-stop', 'testing.iconSkipped'],
  timeout: ['watch', 'testing.iconFailed'],
};

/**
 * The side-bar outline of the active runbook: sections that hold runnable blocks, and each
 * block's state in this incident. A block's state is, in order: running now; how it ended in
 * this window; the last result the incident timeline recorded for it; otherwise not run.
 */
export class OutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private recorded = new Map<number, BlockResult>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly api: RunDeps) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        // Keep the last runbook when focus moves to the tree, the terminal or output.
        if (e && e.document.languageId === 'markdown') void this.show(e.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.later();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) void this.show(undefined);
      }),
      api.runs.state.onDidChange(() => void this.reloadResults()),
      api.incidents.onDidChange(() => void this.reloadResults()),
    );
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'markdown') void this.show(active);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }

  get uri(): vscode.Uri | undefined {
    return this.document?.uri;
  }

  async show(document: vscode.TextDocument | undefined): Promise<void> {
    this.document = document;
    await this.reloadResults();
  }

  /** Re-reads the incident timeline for the shown runbook, then redraws. */
  async reloadResults(): Promise<void> {
    const dir = this.api.incidents.currentDir();
    const doc = this.document;
    let recorded = new Map<number, BlockResult>();
    if (dir && doc) {
      try {
        const { entries } = await readTimeline(dir);
        recorded = lastBlockResults(entries, vscode.workspace.asRelativePath(doc.uri, false));
      } catch {
        // An unreadable timeline shows blocks as not run; the incident views report the problem.
      }
    }
    this.recorded = recorded;
    this.changed.fire(undefined);
  }

  status(uri: vscode.Uri, block: RunbookBlock): BlockStatus {
    if (this.api.runs.state.isRunning(uri, block.index)) return 'running';
    const session = this.api.runs.state.lastResult(uri, block.index);
    if (session) return session.status;
    return this.recorded.get(block.index) ?? 'not run';
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    const doc = this.document;
    // A post-mortem or timeline.md quotes runs; it is a record, not a runbook.
    if (!doc || notRunnableReason(doc)) return [];
    const uri = doc.uri;
    const blocks = (bs: RunbookBlock[]) => bs.map((block): OutlineNode => ({ kind: 'block', uri, block }));
    const sections = (ss: OutlineSection[]) => ss.filter(hasBlocks).map((section): OutlineNode => ({ kind: 'section', uri, section }));
    if (!node) {
      const outline = buildOutline(this.api.runbooks.get(doc));
      return [...blocks(outline.blocks), ...sections(outline.sections)];
    }
    return node.kind === 'section' ? [...blocks(node.section.blocks), ...sections(node.section.children)] : [];
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    if (node.kind === 'section') {
      const item = new vscode.TreeItem(node.section.heading.text || '(untitled section)', vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${node.uri.toString()}#h${node.section.heading.line}`;
      item.contextValue = 'runbookLens.section';
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      item.command = { command: 'runbookLens.revealLine', title: 'Reveal', arguments: [node.uri, node.section.heading.line] };
      return item;
    }
    const { block } = node;
    const status = this.status(node.uri, block);
    const firstLine = block.code.split('\n').find((l) => l.trim() && !l.trim().startsWith('#'))?.trim() ?? block.lang;
    const item = new vscode.TreeItem(block.name ?? truncate(firstLine, 48), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.uri.toString()}#b${block.index}`;
    item.description = status;
    const [icon, color] = ICONS[status];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = `runbookLens.block.${block.kind}`;
    item.tooltip = new vscode.MarkdownString(`${listLabel(block)} · ${status}\n\n\`\`\`${block.kind === 'shell' ? 'bash' : ''}\n${truncate(block.code, 600)}\n\`\`\``);
    item.command = { command: 'runbookLens.revealLine', title: 'Reveal', arguments: [node.uri, block.line] };
    return item;
  }

  private later(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), 300);
  }
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Opens `uri` with the cursor on a 1-based line, centred. */
export async function revealLine(uri: vscode.Uri, line: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
  const pos = new vscode.Position(Math.max(0, line - 1), 0);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
