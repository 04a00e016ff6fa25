import type { Heading, Runbook, RunbookBlock } from './types';

/** A heading with the runnable blocks directly under it and its subsections. */
export interface OutlineSection {
  heading: Heading;
  blocks: RunbookBlock[];
  children: OutlineSection[];
}

export interface Outline {
  /** Blocks before the first heading. */
  blocks: RunbookBlock[];
  sections: OutlineSection[];
}

/**
 * The runbook as a tree of sections. Headings nest by level (a `###` under the last `##`,
 * skipped levels allowed); each block sits under the last heading above it. Sections without
 * any block below them are kept so the tree mirrors the document.
 */
export function buildOutline(runbook: Runbook): Outline {
  const outline: Outline = { blocks: [], sections: [] };
  const stack: OutlineSection[] = [];
  const events = [
    ...runbook.headings.map((h) => ({ line: h.line, heading: h })),
    ...runbook.blocks.map((b) => ({ line: b.line, block: b })),
  ].sort((a, b) => a.line - b.line);
  for (const e of events) {
    if ('heading' in e && e.heading) {
      const section: OutlineSection = { heading: e.heading, blocks: [], children: [] };
      while (stack.length && stack[stack.length - 1].heading.level >= e.heading.level) stack.pop();
      (stack.length ? stack[stack.length - 1].children : outline.sections).push(section);
      stack.push(section);
    } else if ('block' in e && e.block) {
      (stack.length ? stack[stack.length - 1].blocks : outline.blocks).push(e.block);
    }
  }
  return outline;
}

/** Whether a section or any subsection has a block (empty ones can be hidden). */
export function hasBlocks(s: OutlineSection): boolean {
  return s.blocks.length > 0 || s.children.some(hasBlocks);
}
