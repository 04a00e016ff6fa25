/**
 * Look-alike characters (UTS #39 confusables) in code: a Cyrillic `е` in `kubеctl` or in
 * `kube-systеm` reads as ASCII but is another word to the shell. Words are flagged the way VS
 * Code's Unicode highlighting flags ambiguous characters: a look-alike is reported unless its word
 * has no ASCII at all and some plainly non-ASCII letter (ordinary Russian or Greek text).
 * Protected names are compared by their skeletons, so a look-alike cannot dodge a deny rule.
 */
import { CONFUSABLE_TO_ASCII } from './confusableTable';
import { lineTracker } from './textPosition';
import type { HiddenChar } from './types';

let table: Map<number, string> | undefined;

// TR39 maps these to ĸ (kra), not to ASCII, yet in most fonts they read as `k`: protected names
// compare them as `k` (`κube-system`), but they are not reported, as Russian `как` is ordinary text.
const SKELETON_K = [0x03ba, 0x043a, 0x0138, 0x1d0b];

function confusableMap(): Map<number, string> {
  if (!table) {
    table = new Map();
    for (const item of CONFUSABLE_TO_ASCII.split(',')) {
      const [from, to] = item.split(':');
      table.set(parseInt(from, 16), String.fromCodePoint(...to.split(' ').map((h) => parseInt(h, 16))));
    }
    for (const cp of SKELETON_K) table.set(cp, 'k');
    // Fullwidth letters and digits (`ｋｕｂｅｃｔｌ`) are another word to the shell. Fullwidth
    // punctuation (`完了！`) is ordinary CJK text.
    for (let cp = 0xff01; cp <= 0xff5e; cp++) if (/[0-9A-Za-z]/.test(String.fromCharCode(cp - 0xfee0))) table.set(cp, String.fromCharCode(cp - 0xfee0));
  }
  return table;
}

/**
 * The ASCII character a character can pass for, if any. ASCII itself is not a look-alike, nor is
 * a character whose prototype is several letters (`Æ` → `AE`, `…` → `...`): it does not read as one
 * ASCII letter. A curly double quote's prototype `''` stands for `"`.
 */
export function asciiLookAlike(cp: number): string | undefined {
  if (cp < 0x80 || SKELETON_K.includes(cp)) return undefined;
  const to = confusableMap().get(cp);
  return to === "''" ? '"' : to?.length === 1 ? to : undefined;
}

const skeletons = new Map<string, string>();

/** TR39 skeleton, restricted to prototypes that are ASCII: NFD, map each character, NFD. */
export function skeleton(text: string): string {
  let out = skeletons.get(text);
  if (out === undefined) {
    const map = confusableMap();
    out = '';
    // NFKC first folds compatibility forms (fullwidth ｋｕｂｅ, ligatures) that the table leaves alone.
    for (const ch of text.normalize('NFKC').normalize('NFD')) out += map.get(ch.codePointAt(0) ?? 0) ?? ch;
    out = out.normalize('NFD');
    // Words repeat across rules and blocks; the cache is bounded for long sessions.
    if (skeletons.size > 20_000) skeletons.clear();
    skeletons.set(text, out);
  }
  return out;
}

// VS Code's DEFAULT_WORD_REGEXP: runs of anything but ASCII punctuation and white space.
const WORD = /(-?\d*\.\d\w*)|([^`~!@#$%^&*()\-=+[{\]}\\|;:'",.<>/?\s]+)/gu;

function flaggedInWord(word: string): boolean {
  let ascii = false;
  let plainlyOther = false;
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) ascii = true;
    else if (!asciiLookAlike(cp) && !/[\p{Cf}\p{M}\p{Z}\p{Cc}]/u.test(ch)) plainlyOther = true;
  }
  return ascii || !plainlyOther;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Look-alike characters in `text`, with 1-based lines and 0-based UTF-16 columns. */
export function scanConfusables(text: string): HiddenChar[] {
  const out: HiddenChar[] = [];
  const at = lineTracker(text);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    if (/^\p{ASCII}*$/u.test(word) || !flaggedInWord(word)) continue;
    let offset = m.index;
    for (const ch of word) {
      const cp = ch.codePointAt(0) ?? 0;
      const looks = asciiLookAlike(cp);
      if (looks !== undefined && looks.trim() !== '') {
        out.push({ ...at(offset), offset, codePoint: cp, label: `${hex(cp)} looks like "${looks}" in "${word}"`, replacement: looks });
      }
      offset += ch.length;
    }
  }
  return out;
}
