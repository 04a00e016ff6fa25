/**
 * Per-block safety lenses beside the Run lenses: a block that would be refused says why
 * (hidden Unicode with its position, a deny rule), a destructive one says so; both open Explain Block.
 */
import * as vscode from 'vscode';
import { assessCode } from '../../core/guard/classify';
import { codeLineOffset } from '../../core/guard/explain';
import { describeHidden, scanHiddenUnicode } from '../../core/guard/hiddenUnicode';
import type { Assessment } from '../../core/guard/types';
import type { RunbookBlock } from '../../core/runbook/types';
import type { RunbookCache } from '../runbookCache';
import { readSafety } from '../settings';

function lensFor(block: RunbookBlock, a: Assessment): { title: string; tooltip: string } | undefined {
  const off = codeLineOffset(block);
  const info = scanHiddenUnicode(block.info);
  if (info.length) return { title: `⚠ Refused: hidden Unicode ${info[0].label} in the info string`, tooltip: info.map((x) => `${x.label} in the info string (line ${block.line})`).join('\n') };
  if (a.hiddenUnicode.length) {
    const h = a.hiddenUnicode[0];
    return { title: `⚠ Refused: hidden Unicode ${describeHidden(h, off)}`, tooltip: a.hiddenUnicode.map((x) => describeHidden(x, off)).join('\n') };
  }
  if (a.denied.length) return { title: `⚠ Refused: ${a.denied[0].command} (deny rule)`, tooltip: a.denied.map((d) => `${d.command}: ${d.reason}`).join('\n') };
  if (a.destructive.length) return { title: `⚠ Destructive: ${a.destructive.length === 1 ? a.destructive[0].command : `${a.destructive.length} commands`}`, tooltip: a.destructive.map((d) => `${d.command} — ${d.reason}`).join('\n') };
  if (a.uncertain.length || a.parseError) return { title: '⚠ Cannot be fully checked: asks before running', tooltip: [...a.uncertain.map((u) => `${u.command}: ${u.reason}`), a.parseError ?? ''].filter(Boolean).join('\n') };
  return undefined;
}

export class SafetyLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly cache = new Map<string, { version: number; lenses: vscode.CodeLens[] }>();

  constructor(private readonly runbooks: RunbookCache) {}

  refresh(): void {
    this.cache.clear();
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.lenses;
    const rules = readSafety(document.uri).rules;
    const lenses: vscode.CodeLens[] = [];
    for (const block of this.runbooks.get(document).blocks) {
      if (block.kind !== 'shell') continue;
      const found = lensFor(block, await assessCode(block.code, rules, { placeholders: block.placeholders }));
      if (!found) continue;
      lenses.push(new vscode.CodeLens(new vscode.Range(block.line - 1, 0, block.line - 1, 0), {
        title: found.title.length > 90 ? `${found.title.slice(0, 89)}…` : found.title,
        tooltip: `${found.tooltip}\n\nClick to explain the block.`,
        command: 'runbookLens.explainBlock',
        arguments: [document.uri, block.index],
      }));
    }
    this.cache.set(key, { version: document.version, lenses });
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
