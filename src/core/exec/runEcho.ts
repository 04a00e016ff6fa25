/**
 * The live view of a run: the block once, as a header and a delimited listing of its code, then
 * its output, then the result. A script is shown as the script it is, not as one `$ ` per line.
 */
import type { KubeTarget } from '../kube/types';
import { describeBlock, linesText } from '../runbook/blockLabel';
import type { RunbookBlock } from '../runbook/types';

export interface EchoHeader {
  block: Pick<RunbookBlock, 'name' | 'section' | 'line' | 'bodyStartLine' | 'bodyEndLine' | 'selectedLines'>;
  /** What runs: placeholders filled. */
  code: string;
  target: KubeTarget | null | undefined;
  /** The runbook's file name. */
  file: string;
  at: Date;
}

export const CODE_OPEN = '┌─ code';
export const CODE_CLOSE = '└─ output';

export function echoHeader(h: EchoHeader): string[] {
  const what = describeBlock(h.block);
  const where = h.target ? `${h.target.context}/${h.target.namespace}` : 'current kubeconfig context';
  const lines = h.block.selectedLines ?? [h.block.bodyStartLine, Math.max(h.block.bodyStartLine, h.block.bodyEndLine)];
  const code = h.code.replace(/\n$/, '').split('\n');
  return [
    '',
    `▶ ${what.charAt(0).toUpperCase()}${what.slice(1)} · ${where}`,
    `  ${h.file} ${linesText(lines)} · ${h.at.toISOString()}`,
    CODE_OPEN,
    ...code.map((l) => (l ? `│ ${l}` : '│')),
    CODE_CLOSE,
  ];
}
