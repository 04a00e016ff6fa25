import MarkdownIt from 'markdown-it';

/**
 * The markdown-it configuration used to find blocks. We start from the `commonmark` preset,
 * not the default one, because the default preset departs from the CommonMark spec in ways
 * that change which fences exist:
 *  - `html: false` turns HTML block recognition off, so a fence written inside an HTML block
 *    (`<details>` followed by a fence with no blank line between) wrongly becomes a code block;
 *  - the GFM `table` and `strikethrough` rules are on (tables can interrupt paragraphs);
 *  - `linkify` / `typographer` are inline-only, but we keep them off for exact heading text.
 * The `commonmark` preset itself sets `maxNesting: 20`: once blockquotes/lists nest deeper,
 * markdown-it silently drops the rest of the container, hiding fences the spec sees. We raise
 * it; a stack overflow on absurd nesting is caught by the caller, which retries lower.
 */
export const DEEP_NESTING = 5000;
export const SAFE_NESTING = 100;

export type MdToken = ReturnType<MarkdownIt['parse']>[number];

const parsers = new Map<number, MarkdownIt>();

function parserFor(maxNesting: number): MarkdownIt {
  let md = parsers.get(maxNesting);
  if (!md) {
    md = new MarkdownIt('commonmark');
    // Not in @types/markdown-it's Options, but read by the block and inline parsers.
    Object.assign(md.options, { maxNesting });
    parsers.set(maxNesting, md);
  }
  return md;
}

/** Block and inline tokens for `text`, following the CommonMark spec. */
export function tokenize(text: string): MdToken[] {
  try {
    return parserFor(DEEP_NESTING).parse(text, {});
  } catch {
    // Deep nesting can overflow the stack; the default limit keeps everything up to 100 levels.
    return parserFor(SAFE_NESTING).parse(text, {});
  }
}

/** An info string as the spec reads it: backslash escapes and entity references resolved. */
export function unescapeInfo(info: string): string {
  return parserFor(SAFE_NESTING).utils.unescapeAll(info);
}
