/**
 * Front matter: a `---` (YAML) or `+++` (TOML) line at the very top, closed by the same marker
 * (YAML may also close with `...`). CommonMark knows nothing of it: `---` would be a thematic
 * break and the closing `---` would turn the lines above into a setext heading, and a fence
 * inside a YAML string would invent a code block. Unclosed markers are not front matter.
 */
import type { FrontMatterRange as FrontMatter } from './types';

export function findFrontMatter(lines: string[]): FrontMatter | undefined {
  const first = lines[0]?.replace(/^\uFEFF/, '').trimEnd();
  if (first !== '---' && first !== '+++') return undefined;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i].trimEnd();
    if (l === first || (first === '---' && l === '...')) return { line: 1, endLine: i + 1 };
  }
  return undefined;
}

/**
 * The text markdown-it parses: front matter lines emptied (so every line keeps its number) and
 * every line, the last included, ended by `\n` (so a trailing blank line still counts).
 */
export function blankFrontMatter(lines: string[], fm: FrontMatter | undefined): string {
  const kept = fm ? lines.map((l, i) => (i < fm.endLine ? '' : l)) : lines;
  return kept.map((l) => l + '\n').join('');
}
