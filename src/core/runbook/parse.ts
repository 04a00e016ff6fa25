import { parseAttributes } from './attributes';
import { fenceFromToken } from './fences';
import { blankFrontMatter, findFrontMatter } from './frontMatter';
import { headingText, SectionStack } from './headings';
import { isTranscriptLang, kindOfLang } from './languages';
import { tokenize } from './markdown';
import { findPlaceholders, placeholderNames } from './placeholders';
import { sourceLines } from './sourceLines';
import { hasPromptLines, looksLikeTranscript, transcriptCommands, type RunnableCode } from './transcript';
import type { BlockKind, FenceInfo, Heading, Placeholder, Runbook, RunbookBlock } from './types';

/**
 * Parses a runbook. Block structure follows the CommonMark spec (see markdown.ts for how the
 * markdown-it setup differs from its defaults); front matter is ignored with line numbers kept.
 * Never throws, whatever the input.
 */
export function parseRunbook(text: string): Runbook {
  const source = text.replace(/^\uFEFF/, '');
  const lines = sourceLines(source);
  const frontMatter = findFrontMatter(lines);
  const tokens = tokenize(blankFrontMatter(source, lines, frontMatter));

  const headings: Heading[] = [];
  const fences: FenceInfo[] = [];
  const blocks: RunbookBlock[] = [];
  const sections = new SectionStack();

  // Open containers, innermost last: whether a fence sits directly in a list item.
  const containers: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'list_item_open' || t.type === 'blockquote_open') containers.push(t.type);
    else if (t.type === 'list_item_close' || t.type === 'blockquote_close') containers.pop();
    if (t.type === 'heading_open' && t.map) {
      const heading = { level: Number(t.tag.slice(1)), text: headingText(tokens[i + 1]), line: t.map[0] + 1 };
      headings.push(heading);
      sections.push(heading);
    } else if (t.type === 'fence') {
      const { bodyLineCount, ...read } = fenceFromToken(t, lines);
      const fence = containers[containers.length - 1] === 'list_item_open' ? { ...read, body: blankWhitespaceLines(read.body) } : read;
      fences.push(fence);
      const kind = kindOfLang(fence.lang);
      if (kind) blocks.push(makeBlock(fence, kind, bodyLineCount, blocks.length + 1, sections.path(), lines));
    }
  }
  return { headings, blocks, fences, lineCount: lines.length, ...(frontMatter ? { frontMatter } : {}) };
}

/**
 * Directly inside a list item CommonMark (commonmark.js and cmark) reads a line of only spaces or
 * tabs as a blank line, whatever its indentation, so it is empty in the fence's content. markdown-it
 * keeps what is left after the item's indentation; elsewhere (a block quote) both keep it.
 */
function blankWhitespaceLines(body: string): string {
  return body.replace(/^[ \t]+$/gm, '');
}

function makeBlock(
  fence: FenceInfo,
  kind: BlockKind,
  bodyLineCount: number,
  index: number,
  section: string[],
  lines: string[],
): RunbookBlock {
  const { attributes, errors } = parseAttributes(fence.info);
  const runnable = runnableCode(fence, kind, bodyLineCount);
  const bodyStartLine = fence.line + 1;
  const found = findPlaceholders(runnable.code, kind === 'promql' ? 'promql' : 'shell');
  const codeLineStarts = lineStarts(runnable.code);
  const bodyLines = fence.body.split('\n');

  const placeholderRefs: Placeholder[] = found.map((p) => {
    const codeLine = lastStartAtOrBefore(codeLineStarts, p.offset);
    const { bodyLine, cut } = runnable.lineMap[codeLine];
    const line = bodyStartLine + bodyLine;
    const column = containerIndent(lines[line - 1], bodyLines[bodyLine]) + cut + (p.offset - codeLineStarts[codeLine]);
    return { name: p.name, line, column };
  });

  const block: RunbookBlock = {
    index,
    kind,
    lang: fence.lang,
    info: fence.info,
    line: fence.line,
    endLine: fence.endLine,
    bodyStartLine,
    bodyEndLine: bodyStartLine + bodyLineCount - 1,
    body: fence.body,
    code: runnable.code,
    section,
    attributes,
    placeholders: placeholderNames(found),
    placeholderRefs,
    attributeErrors: errors,
    transcript: runnable.transcript,
    runLines: [...new Set(runnable.lineMap.map((m) => bodyStartLine + m.bodyLine))],
  };
  if (attributes.name) block.name = attributes.name;
  return block;
}

/**
 * What runs. PromQL and ordinary shell blocks run their whole body. Transcripts run their prompt
 * lines: `console`/`shell-session` blocks with `$ ` (or, when there is no `$ `, `# `) prompts,
 * and shell blocks whose first command line is a `$ ` prompt (a third of the shell blocks in public
 * OpenShift runbooks are written this way, and `$ cmd` would fail as a script). A console block
 * with no prompt at all is written as a plain script (its language only picks the colouring),
 * so all of it runs.
 */
function runnableCode(fence: FenceInfo, kind: BlockKind, bodyLineCount: number): RunnableCode & { transcript: boolean } {
  if (kind === 'shell') {
    const dollar = hasPromptLines(fence.body, false);
    const transcriptLang = isTranscriptLang(fence.lang);
    if ((transcriptLang && (dollar || hasPromptLines(fence.body, true))) || (!transcriptLang && looksLikeTranscript(fence.body))) {
      return { ...transcriptCommands(fence.body, transcriptLang && !dollar), transcript: true };
    }
  }
  const lineMap = Array.from({ length: bodyLineCount }, (_, i) => ({ bodyLine: i, cut: 0 }));
  return { code: fence.body, lineMap, transcript: false };
}

function lineStarts(s: string): number[] {
  const starts = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lastStartAtOrBefore(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Columns taken by list indentation or `>` markers: the raw line ends with the body line. */
function containerIndent(raw: string | undefined, bodyLine: string | undefined): number {
  if (raw === undefined || bodyLine === undefined || !raw.endsWith(bodyLine)) return 0;
  return raw.length - bodyLine.length;
}
