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

const parsers = new Map<string, MarkdownIt>();

/** `blocksOnly`: the core `inline` rule is off, so paragraphs are not parsed inline (nothing here reads them). */
function parserFor(maxNesting: number, blocksOnly = false): MarkdownIt {
  const key = `${maxNesting}${blocksOnly ? ':blocks' : ''}`;
  let md = parsers.get(key);
  if (!md) {
    md = new MarkdownIt('commonmark');
    // Not in @types/markdown-it's Options, but read by the block and inline parsers.
    Object.assign(md.options, { maxNesting });
    if (blocksOnly) md.core.ruler.disable('inline');
    parsers.set(key, md);
  }
  return md;
}

function parseBlocks(text: string, maxNesting: number): MdToken[] {
  const env = {};
  const tokens = parserFor(maxNesting, true).parse(text, env);
  // Headings are the only inline content read: parse just those, with the document's link
  // references (env), so their text is what a full parse gives.
  const inline = parserFor(maxNesting);
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].type === 'inline' && tokens[i - 1].type === 'heading_open') {
      tokens[i].children = inline.parseInline(tokens[i].content, env)[0]?.children ?? [];
    }
  }
  return tokens;
}

/** Block tokens for `text` following the CommonMark spec; only headings get inline children. */
export function tokenize(text: string): MdToken[] {
  try {
    return parseBlocks(text, DEEP_NESTING);
  } catch {
    // Deep nesting can overflow the stack; the default limit keeps everything up to 100 levels.
    return parseBlocks(text, SAFE_NESTING);
  }
}

/** An info string as the spec reads it: backslash escapes and entity references resolved. */
export function unescapeInfo(info: string): string {
  return parserFor(SAFE_NESTING).utils.unescapeAll(info);
}
