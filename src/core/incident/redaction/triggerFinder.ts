/**
 * Which of many words occur in a text, in one pass: a trie walked from every position. The
 * pattern rules have about 300 triggers and secretlint's rules more; one `includes` each cost
 * hundreds of scans of every batch that passed the gate.
 */
interface TrieNode {
  next: (TrieNode | undefined)[];
  word?: string;
  /** The pass that last found `word`: a word found again is not added again. */
  pass: number;
}

/** Children by character code: ASCII only, so a lookup never leaves the array. */
const ASCII = 128;
const node = (): TrieNode => ({ next: new Array<TrieNode | undefined>(ASCII).fill(undefined), pass: 0 });

export function createTriggerFinder(words: readonly string[]): (text: string) => Set<string> {
  const root = node();
  const others: string[] = [];
  for (const w of new Set(words)) {
    // The trie holds ASCII words; any other (none today) is searched for on its own.
    if (!w || [...w].some((c) => c.charCodeAt(0) > 0x7f)) {
      others.push(w);
      continue;
    }
    let n = root;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      n = n.next[c] ??= node();
    }
    n.word = w;
  }
  let passes = 0;
  return (text) => {
    const found = new Set<string>();
    const pass = ++passes;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let n = c < ASCII ? root.next[c] : undefined;
      for (let j = i + 1; n; j++) {
        if (n.word !== undefined && n.pass !== pass) {
          n.pass = pass;
          found.add(n.word);
        }
        if (j >= text.length) break;
        const d = text.charCodeAt(j);
        n = d < ASCII ? n.next[d] : undefined;
      }
    }
    for (const w of others) if (text.includes(w)) found.add(w);
    return found;
  };
}
