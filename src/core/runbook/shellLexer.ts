/**
 * A small lexical scanner for shell text: it marks, for every character, which lexical context
 * it is in (plain code, quotes, comment, here-document body, arithmetic, or part of an operator
 * or escape). Placeholder detection and console prompt continuation need exactly this, and
 * they need it synchronously while a document is parsed. `sh-syntax` (mvdan/sh compiled to
 * WASM) is a full parser but is async and rejects the incomplete or templated shell that
 * runbooks are full of (`kubectl logs <pod-name>` is not valid shell), so it cannot be the
 * source of truth here. The scanner never throws and is linear in the input.
 */
export const Ctx = {
  Code: 0,
  SingleQuoted: 1,
  DoubleQuoted: 2,
  Comment: 3,
  HeredocBody: 4,
  Arithmetic: 5,
  /** Escaped characters, quote characters, here-doc operators and terminators. */
  Syntax: 6,
} as const;
export type Ctx = (typeof Ctx)[keyof typeof Ctx];

export interface ShellScan {
  ctx: Uint8Array;
  /** Here-documents opened whose terminator never came, in order. */
  openHeredocs: PendingHeredoc[];
  /** The text ends inside a quote. */
  openQuote: boolean;
  /** The text ends with a line-continuation backslash. */
  trailingBackslash: boolean;
}

export interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
}

const WORD_BREAK = /[\s;&|()<>]/;

export function scanShell(code: string): ShellScan {
  const n = code.length;
  const ctx = new Uint8Array(n);
  const pending: PendingHeredoc[] = [];
  let openQuote = false;
  let trailingBackslash = false;
  let i = 0;

  const mark = (from: number, to: number, c: Ctx): void => {
    ctx.fill(c, from, Math.min(to, n));
  };
  const atWordStart = (p: number): boolean => p === 0 || WORD_BREAK.test(code[p - 1]);

  while (i < n) {
    const ch = code[i];
    if (ch === '\\') {
      if (i + 1 >= n) trailingBackslash = true;
      mark(i, i + 2, Ctx.Syntax);
      i += 2;
    } else if (ch === "'" || ch === '"') {
      // "..." and $'...' (ANSI-C quoting) honour backslash escapes; '...' does not.
      const escapes = ch === '"' || (i > 0 && code[i - 1] === '$');
      const end = findQuoteEnd(code, i + 1, ch, escapes);
      ctx[i] = Ctx.Syntax;
      mark(i + 1, end < 0 ? n : end, ch === '"' ? Ctx.DoubleQuoted : Ctx.SingleQuoted);
      if (end < 0) {
        openQuote = true;
        i = n;
      } else {
        ctx[end] = Ctx.Syntax;
        i = end + 1;
      }
    } else if (ch === '#' && atWordStart(i)) {
      const end = lineEnd(code, i);
      mark(i, end, Ctx.Comment);
      i = end;
    } else if (ch === '(' && code[i + 1] === '(') {
      const end = arithmeticEnd(code, i + 2);
      mark(i, end, Ctx.Arithmetic);
      i = end;
    } else if (ch === '<' && code[i + 1] === '<' && code[i + 2] !== '<') {
      i = readHeredocOperator(code, i, pending, mark);
    } else if (ch === '<' && code[i + 1] === '<') {
      // `<<<` here-string: the word after it is ordinary text.
      mark(i, i + 3, Ctx.Syntax);
      i += 3;
    } else if (ch === '\n' && pending.length > 0) {
      i = readHeredocBodies(code, i + 1, pending, mark);
    } else {
      i++;
    }
  }
  return { ctx, openHeredocs: pending, openQuote, trailingBackslash };
}

function findQuoteEnd(code: string, from: number, quote: string, escapes: boolean): number {
  for (let i = from; i < code.length; i++) {
    if (escapes && code[i] === '\\') i++;
    else if (code[i] === quote) return i;
  }
  return -1;
}

function lineEnd(code: string, from: number): number {
  const nl = code.indexOf('\n', from);
  return nl < 0 ? code.length : nl;
}

/** Index just after the `))` closing an arithmetic expression opened before `from`. */
function arithmeticEnd(code: string, from: number): number {
  let depth = 2;
  for (let i = from; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return i + 1;
  }
  return code.length;
}

/** Reads `<<WORD`, `<<-WORD`, `<< 'WORD'`; records the delimiter; returns the index after the word. */
function readHeredocOperator(
  code: string,
  start: number,
  pending: PendingHeredoc[],
  mark: (from: number, to: number, c: Ctx) => void,
): number {
  let i = start + 2;
  const stripTabs = code[i] === '-';
  if (stripTabs) i++;
  while (code[i] === ' ' || code[i] === '\t') i++;
  let delimiter = '';
  while (i < code.length && !WORD_BREAK.test(code[i])) {
    const ch = code[i];
    if (ch === "'" || ch === '"') {
      const end = findQuoteEnd(code, i + 1, ch, ch === '"');
      const stop = end < 0 ? code.length : end;
      delimiter += code.slice(i + 1, stop);
      i = stop + 1;
    } else if (ch === '\\' && i + 1 < code.length) {
      delimiter += code[i + 1];
      i += 2;
    } else {
      delimiter += ch;
      i++;
    }
  }
  i = Math.min(i, code.length);
  mark(start, i, Ctx.Syntax);
  if (delimiter !== '') pending.push({ delimiter, stripTabs });
  return i;
}

/** Consumes the bodies of pending here-documents starting at `from`; returns the index after the last terminator. */
function readHeredocBodies(
  code: string,
  from: number,
  pending: PendingHeredoc[],
  mark: (from: number, to: number, c: Ctx) => void,
): number {
  let i = from;
  while (pending.length > 0 && i < code.length) {
    const { delimiter, stripTabs } = pending[0];
    const end = lineEnd(code, i);
    let line = code.slice(i, end);
    if (stripTabs) line = line.replace(/^\t+/, '');
    if (line === delimiter) {
      mark(i, end, Ctx.Syntax);
      pending.shift();
    } else {
      mark(i, end, Ctx.HeredocBody);
    }
    i = end + 1;
  }
  // Leave `i` on the newline that ended the last terminator so the caller's loop stays in step
  // (and always move forward, or the caller would see the same newline again).
  return Math.max(from, Math.min(i - 1, code.length));
}
