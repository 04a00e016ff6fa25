/** Explain Block: what a block will run, where, which parts are destructive, what it asks for. */
import type { KubeTarget } from '../kube/types';
import type { RunbookBlock } from '../runbook/types';
import { shown, type ConfirmationDecision } from './confirmation';
import { describeWithLine } from './consentText';
import { describeHidden, mapLine, type LineMap } from './hiddenUnicode';
import type { Assessment, Finding } from './types';

export interface BlockExplanation {
  block: number;
  name?: string;
  line: number;
  section: string[];
  lang: string;
  code: string;
  target: KubeTarget | null;
  placeholders: string[];
  destructive: (Finding & { documentLine?: number })[];
  denied: (Finding & { documentLine?: number })[];
  uncertain: (Finding & { documentLine?: number })[];
  hiddenUnicode: string[];
  parseError?: string;
  decision: ConfirmationDecision;
}

/** Code lines → document lines: through `runLines` (console transcripts), else from the body's first line. */
export function codeLineOffset(block: RunbookBlock): LineMap {
  const codeLines = block.code.replace(/\n$/, '').split('\n').length;
  const runLines = block.runLines;
  if (runLines && runLines.length === codeLines) return (line) => runLines[line - 1] ?? line;
  return block.bodyStartLine - 1;
}

function docLine(block: RunbookBlock, codeLine: number): number {
  return mapLine(codeLineOffset(block), codeLine);
}

export function explainBlock(block: RunbookBlock, a: Assessment, target: KubeTarget | null, decision: ConfirmationDecision): BlockExplanation {
  const withDoc = (f: Finding) => ({ ...f, documentLine: docLine(block, f.line) });
  const out: BlockExplanation = {
    block: block.index,
    line: block.line,
    section: block.section,
    lang: block.lang,
    code: block.code,
    target,
    placeholders: block.placeholders,
    destructive: a.destructive.map(withDoc),
    denied: a.denied.map(withDoc),
    uncertain: a.uncertain.map(withDoc),
    hiddenUnicode: a.hiddenUnicode.map((h) => describeHidden(h, codeLineOffset(block))),
    decision,
  };
  if (block.name) out.name = block.name;
  if (a.parseError) out.parseError = a.parseError;
  return out;
}

const ACTION_TEXT: Record<ConfirmationDecision['action'], string> = {
  run: 'Runs without asking: nothing destructive was found.',
  confirm: 'Asks for confirmation before running (CLI: `--yes`).',
  'type-context': 'Asks you to type the context name before running (CLI: `--yes --confirm-context NAME`).',
  refuse: 'Refused: it will not run.',
};

function findingLine(f: Finding & { documentLine?: number }): string {
  const where = `line ${f.documentLine ?? f.line}`;
  const via = f.via?.length ? ` (through ${f.via.map((v) => `\`${v}\``).join(' → ')})` : '';
  const written = f.expanded ? ` (written \`${f.command}\`)` : '';
  return `- \`${shown(f)}\`${written} — ${f.reason} · ${where} · rule \`${f.rule}\`${via}`;
}

function fence(code: string, lang: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${code.replace(/\n$/, '')}\n${ticks}`;
}

export function explanationMarkdown(e: BlockExplanation): string {
  // Named as the consent dialog names it: block numbers appear nowhere on screen.
  const title = describeWithLine({ name: e.name, section: e.section, line: e.line });
  const upper = title.charAt(0).toUpperCase() + title.slice(1);
  const where = e.target
    ? `context \`${e.target.context}\`, cluster \`${e.target.cluster}\`, namespace \`${e.target.namespace}\``
    : 'no cluster selected: `kubectl` uses your current kubeconfig context';
  const lines = [
    `# ${upper}`,
    '',
    e.section.length ? `Section: ${e.section.join(' › ')}` : '',
    '',
    '## What it runs',
    '',
    fence(e.code, e.lang === 'console' || e.lang === 'shell-session' ? 'bash' : e.lang),
    '',
    '## Where',
    '',
    where,
    '',
    '## Destructive parts',
    '',
    ...(e.destructive.length ? e.destructive.map(findingLine) : ['None found.']),
  ];
  if (e.uncertain.length) lines.push('', '## Cannot be checked', '', ...e.uncertain.map(findingLine));
  if (e.denied.length) lines.push('', '## Denied', '', ...e.denied.map(findingLine));
  if (e.hiddenUnicode.length) lines.push('', '## Hidden Unicode', '', ...e.hiddenUnicode.map((h) => `- ${h}`));
  if (e.parseError) lines.push('', '## Parse error', '', e.parseError);
  lines.push('', '## Placeholders', '', ...(e.placeholders.length ? e.placeholders.map((p) => `- \`<${p}>\``) : ['None.']));
  lines.push('', '## Before it runs', '', ACTION_TEXT[e.decision.action], ...e.decision.reasons.map((r) => `- ${r}`), '');
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}
