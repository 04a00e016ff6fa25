import type { RunbookBlock } from '../runbook/types';

/** Splits a line into words the way a shell would for simple cases (quotes kept together). */
function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (/\s/.test(ch) || ch === ';' || ch === '|' || ch === '&') {
      if (cur) out.push(cur);
      cur = '';
      if (!/\s/.test(ch)) out.push(ch);
    } else if (ch === '#' && cur === '') break;
    else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

const TTY_FLAGS = new Set(['-it', '-ti', '-t', '--tty', '--tty=true', '-itq']);
const TTY_TOOLS = new Set(['k9s', 'vim', 'vi', 'nano', 'less', 'top', 'htop', 'ssh']);

/** A block needs the integrated terminal when it says so, or asks for a TTY (`kubectl exec -it`). */
export function needsTerminal(block: Pick<RunbookBlock, 'attributes' | 'code'>): boolean {
  if (/^(true|yes|1)$/i.test(block.attributes.interactive ?? '')) return true;
  for (const line of block.code.split('\n')) {
    const w = words(line);
    for (let i = 0; i < w.length; i++) {
      if (TTY_TOOLS.has(w[i]) && (i === 0 || ['|', ';', '&'].includes(w[i - 1]))) return true;
      if ((w[i] === 'kubectl' || w[i] === 'oc') && (w[i + 1] === 'exec' || w[i + 1] === 'attach' || w[i + 1] === 'run')) {
        for (let j = i + 2; j < w.length && w[j] !== '--' && !['|', ';', '&'].includes(w[j]); j++) {
          if (TTY_FLAGS.has(w[j])) return true;
        }
      }
    }
  }
  return false;
}
