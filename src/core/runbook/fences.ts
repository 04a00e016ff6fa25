import { unescapeInfo, type MdToken } from './markdown';
import type { FenceInfo } from './types';
import { langOf } from './languages';

/**
 * A fenced block from its markdown-it token. `token.content` already has the container's
 * indentation and `>` markers removed, as the spec says. Line numbers come from `token.map`
 * (0-based, end exclusive); whether the closing fence exists follows from comparing the number
 * of body lines with the lines the token covers. The language comes from the info string as the
 * spec reads it (backslash escapes and entities resolved); `info` is re-read raw from the source
 * line, because JSON attributes need their backslashes.
 */
export function fenceFromToken(token: MdToken, sourceLines: string[]): FenceInfo & { bodyLineCount: number } {
  const [start, end] = token.map ?? [0, 1];
  const content = token.content;
  const bodyLineCount = countNewlines(content);
  const raw = sourceLines[start] ?? '';
  const at = raw.indexOf(token.markup);
  // Only spaces and tabs are trimmed, as CommonMark says: a trailing NBSP or U+FEFF stays in the
  // info string, where the guard sees it exactly as lint's RL001 does on the raw line.
  const info = trimSpaces(at >= 0 ? raw.slice(at + token.markup.length) : token.info);
  return {
    lang: langOf(unescapeInfo(token.info)),
    info,
    line: start + 1,
    endLine: Math.max(end, start + 1),
    body: content.endsWith('\n') ? content.slice(0, -1) : content,
    closed: end - start - 1 - bodyLineCount === 1,
    bodyLineCount,
  };
}

function trimSpaces(s: string): string {
  return s.replace(/^[ \t]+|[ \t]+$/g, '');
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
