/**
 * Invisible characters that can make code run differently from how it reads: bidi controls
 * (U+202A–U+202E, U+2066–U+2069, "Trojan Source"), zero-width characters and every other
 * format character (category Cf), plus default-ignorable code points and the line/paragraph
 * separators, like VS Code's invisible-character highlighting. Visible text, including
 * mojibake such as `ðŸš¨`, is never flagged.
 */
import type { HiddenChar } from './types';

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

const HIDDEN = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu;

export function describeCodePoint(cp: number): string {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[cp] ?? (cp >= 0xfe00 && cp <= 0xfe0f ? 'VARIATION SELECTOR' : cp >= 0xe0000 && cp <= 0xe007f ? 'TAG CHARACTER' : 'INVISIBLE FORMAT CHARACTER');
  return `U+${hex} ${name}`;
}

export function scanHiddenUnicode(text: string): HiddenChar[] {
  const out: HiddenChar[] = [];
  let line = 1;
  let lineStart = 0;
  let searchedTo = 0;
  HIDDEN.lastIndex = 0;
  for (let m = HIDDEN.exec(text); m; m = HIDDEN.exec(text)) {
    for (let nl = text.indexOf('\n', searchedTo); nl >= 0 && nl < m.index; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    searchedTo = m.index;
    const codePoint = m[0].codePointAt(0) ?? 0;
    out.push({ line, column: m.index - lineStart, offset: m.index, codePoint, label: describeCodePoint(codePoint) });
  }
  return out;
}

/** How code lines become document lines: an offset, or a mapping (console transcripts). */
export type LineMap = number | ((codeLine: number) => number);

export function mapLine(map: LineMap | undefined, line: number): number {
  return typeof map === 'function' ? map(line) : line + (map ?? 0);
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE at line 2, column 7` (1-based for people). */
export function describeHidden(h: HiddenChar, lines: LineMap = 0): string {
  return `${h.label} at line ${mapLine(lines, h.line)}, column ${h.column + 1}`;
}
