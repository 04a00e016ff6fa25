/**
 * Characters that can make code run differently from how it reads: bidi controls
 * (U+202A–U+202E, U+2066–U+2069, "Trojan Source"), zero-width characters and every other
 * format character (category Cf), default-ignorable code points, the line/paragraph separators
 * and NEL, control characters other than tab and line ends (backspace and ESC redraw what a
 * terminal shows), spaces other than U+0020 (NBSP and its relatives split no shell word), and
 * combining marks written on ASCII letters, and U+FFFD, which is what bytes that are not valid
 * UTF-8 become when the file is read as text (the CLI's readFile, VS Code's document). Look-alike letters (confusables.ts) are reported with
 * them. Visible text, including mojibake such as `ðŸš¨`, accents and other scripts, is not flagged.
 */
import { scanConfusables } from './confusables';
import { lineTracker } from './textPosition';
import type { HiddenChar } from './types';

const NAMES: Record<number, string> = {
  0x0000: 'NULL',
  0x0008: 'BACKSPACE',
  0x000b: 'LINE TABULATION',
  0x000c: 'FORM FEED',
  0x001b: 'ESCAPE',
  0x007f: 'DELETE',
  0x0085: 'NEXT LINE (NEL)',
  0x00a0: 'NO-BREAK SPACE',
  0x1680: 'OGHAM SPACE MARK',
  0x2007: 'FIGURE SPACE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x205f: 'MEDIUM MATHEMATICAL SPACE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0xfffd: 'REPLACEMENT CHARACTER (NUL or invalid UTF-8 in the file)',
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

// A combining mark counts when it sits on an ASCII character (or on another such mark): on other
// letters it is ordinary spelling (Hindi, Vietnamese).
// Controls are category Cc less tab, LF and CR; the spaces are category Zs less U+0020.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufffd]|(?<=[\x00-\x7f][\p{Mn}\p{Me}]*)[\p{Mn}\p{Me}]/gu;

function generalName(cp: number): string {
  if (cp >= 0xfe00 && cp <= 0xfe0f) return 'VARIATION SELECTOR';
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'TAG CHARACTER';
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'CONTROL CHARACTER';
  if (/\p{Zs}/u.test(String.fromCodePoint(cp))) return 'SPACE THAT IS NOT U+0020';
  if (/\p{M}/u.test(String.fromCodePoint(cp))) return 'COMBINING MARK';
  return 'INVISIBLE FORMAT CHARACTER';
}

export function describeCodePoint(cp: number): string {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} ${NAMES[cp] ?? generalName(cp)}`;
}

/** Hidden characters and look-alike letters, in text order. */
export function scanHiddenUnicode(text: string): HiddenChar[] {
  const hidden = scanInvisible(text);
  const looks = scanConfusables(text);
  return looks.length ? [...hidden, ...looks].sort((a, b) => a.offset - b.offset) : hidden;
}

function scanInvisible(text: string): HiddenChar[] {
  const out: HiddenChar[] = [];
  const at = lineTracker(text);
  HIDDEN.lastIndex = 0;
  for (let m = HIDDEN.exec(text); m; m = HIDDEN.exec(text)) {
    const codePoint = m[0].codePointAt(0) ?? 0;
    out.push({ ...at(m.index), offset: m.index, codePoint, label: describeCodePoint(codePoint) });
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
