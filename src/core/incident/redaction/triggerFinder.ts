/**
 * Which of many lower-case ASCII words occur in a text, in one pass: a trie walked from every
 * position. The pattern rules have about 300 triggers; one `includes` each cost ~300 scans of every
 * batch that passed the gate.
 */
interface TrieNode {
  next: (TrieNode | undefined)[];
  word?: string;
}

const node = (): TrieNode => ({ next: [] });

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
  return (text) => {
    const found = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      let n = root.next[text.charCodeAt(i)];
      for (let j = i + 1; n; j++) {
        if (n.word !== undefined) found.add(n.word);
        if (j >= text.length) break;
        n = n.next[text.charCodeAt(j)];
      }
    }
    for (const w of others) if (text.includes(w)) found.add(w);
    return found;
  };
}
