import { Ctx, scanShell } from './shellLexer';
import type { BlockKind } from './types';

export interface FoundPlaceholder {
  /** The name between the angle brackets, e.g. `pod-name`. */
  name: string;
  /** 0-based offset of the `<` in the code. */
  offset: number;
}

export type CodeDialect = 'shell' | 'promql';

/**
 * `<name>`: a letter, then letters, digits, `_ . : , -` and single spaces, ending on a letter or
 * digit; so `<pod-name>`, `<NAMESPACE>`, `<vm_name>` and `<value of namespace label from alert>`
 * (a common runbook style) are placeholders, while `< file`, `<(cmd)`, `$x<5` and `a < b` are not.
 */
const PLACEHOLDER = /<([A-Za-z](?:(?:[\w.:,-]| (?! ))*[A-Za-z0-9_])?)>/g;

/**
 * Contexts where a placeholder counts. Quotes count (`"<id>"` is clearly meant to be filled);
 * here-document bodies count (manifests piped to `kubectl apply` are templated this way);
 * comments, arithmetic (`((a<b))`), escapes (`\<`) and operators (`<<EOF`, `<<<`) do not.
 */
const SHELL_CONTEXTS: ReadonlySet<number> = new Set([Ctx.Code, Ctx.SingleQuoted, Ctx.DoubleQuoted, Ctx.HeredocBody]);

/** Every placeholder occurrence in runnable code, in order. Never throws. */
export function findPlaceholders(code: string, dialect: CodeDialect = 'shell'): FoundPlaceholder[] {
  const allowed = dialect === 'promql' ? promqlContexts(code) : shellContexts(code);
  const closeTags = new Set(Array.from(code.matchAll(/<\/([^<>\n]+)>/g), (m) => m[1]));
  const found: FoundPlaceholder[] = [];
  for (const m of code.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    const offset = m.index ?? 0;
    if (name === '' || !allowed(offset) || code[offset - 1] === '<') continue;
    // Markup with a matching close tag (`<b>…</b>` in an HTML heredoc) is not a placeholder.
    if (closeTags.has(name)) continue;
    found.push({ name, offset });
  }
  return found;
}

/** Unique placeholder names in order of first appearance. */
export function placeholderNames(found: FoundPlaceholder[]): string[] {
  return [...new Set(found.map((p) => p.name))];
}

/**
 * Replaces every placeholder that has a value, verbatim (no quoting: the value is what the
 * user typed, exactly as if they had edited the runbook). `missing` lists the names left
 * unfilled, unique, in order.
 */
export function fillPlaceholders(
  code: string,
  values: Record<string, string>,
  dialect: CodeDialect = 'shell',
): { code: string; missing: string[] } {
  const found = findPlaceholders(code, dialect);
  const missing: string[] = [];
  let out = '';
  let last = 0;
  for (const p of found) {
    if (!Object.prototype.hasOwnProperty.call(values, p.name)) {
      if (!missing.includes(p.name)) missing.push(p.name);
      continue;
    }
    out += code.slice(last, p.offset) + String(values[p.name]);
    last = p.offset + p.name.length + 2;
  }
  return { code: out + code.slice(last), missing };
}

/** Fills a parsed block's code, reading placeholders the way its kind (shell or PromQL) calls for. */
export function fillBlock(block: { code: string; kind: BlockKind }, values: Record<string, string>): { code: string; missing: string[] } {
  return fillPlaceholders(block.code, values, block.kind === 'promql' ? 'promql' : 'shell');
}

function shellContexts(code: string): (offset: number) => boolean {
  const { ctx } = scanShell(code);
  return (offset) => SHELL_CONTEXTS.has(ctx[offset]);
}

/** PromQL: only `#` comments (outside string literals) hide placeholders. */
function promqlContexts(code: string): (offset: number) => boolean {
  const comment = new Uint8Array(code.length);
  let quote = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (quote) {
      if (ch === '\\' && quote !== '`') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    } else if (ch === '#') {
      const nl = code.indexOf('\n', i);
      const end = nl < 0 ? code.length : nl;
      comment.fill(1, i, end);
      i = end;
    }
    if (ch === '\n') quote = quote === '`' ? quote : '';
  }
  return (offset) => comment[offset] === 0;
}
