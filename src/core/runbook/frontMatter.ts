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
 * every line, the last included, ended by a line break (so a trailing blank line still counts).
 * Without front matter that is `text` itself, at most with a final `\n`: markdown-it reads
 * `\r\n` and `\r` as line ends just as `lines` was split.
 */
export function blankFrontMatter(text: string, lines: string[], fm: FrontMatter | undefined): string {
  if (!fm) return text === '' || /[\r\n]$/.test(text) ? text : text + '\n';
  return lines.map((l, i) => (i < fm.endLine ? '' : l)).join('\n') + '\n';
}
