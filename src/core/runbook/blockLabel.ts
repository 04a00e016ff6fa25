/**
 * How a block is named on screen: by its name and section, never by its index, which appears
 * nowhere in the editor. Shared by the consent dialogs, the live output and the CLI.
 */
import type { RunbookBlock } from './types';

type Labelled = Pick<RunbookBlock, 'name' | 'section' | 'line'> & { selectedLines?: [number, number] };

/** The last `depth` headings above the block: `Mitigation Actions › Service Recovery`. */
export function sectionText(section: string[], depth = 2): string {
  return section.slice(-depth).join(' › ');
}

export function linesText([a, b]: [number, number]): string {
  return a === b ? `line ${a}` : `lines ${a}–${b}`;
}

/**
 * `“Restart the deployment” in Recovery › Service Restart`, or `the block at line 85 in …` when it
 * has no name; a selection reads `lines 86–87 of “Restart the deployment” in …`.
 */
export function describeBlock(block: Labelled): string {
  const what = block.name ? `“${block.name}”` : `the block at line ${block.line}`;
  const where = sectionText(block.section);
  const whole = where ? `${what} in ${where}` : what;
  return block.selectedLines ? `${linesText(block.selectedLines)} of ${whole}` : whole;
}

/** For lists of blocks: `Service Recovery, line 85`, or `line 85` when nothing names it. */
export function listLabel(block: Labelled): string {
  const label = block.name ?? block.section[block.section.length - 1];
  return label ? `${label}, line ${block.line}` : `line ${block.line}`;
}

/** A tab-sized label (terminal names): the name, else the nearest heading, else the line. */
export function shortLabel(block: Labelled): string {
  const label = block.name ?? block.section[block.section.length - 1] ?? `line ${block.line}`;
  return block.selectedLines ? `${linesText(block.selectedLines)} of ${label}` : label;
}
