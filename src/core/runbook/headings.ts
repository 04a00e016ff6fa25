import type { MdToken } from './markdown';
import type { Heading } from './types';

/** Plain text of a heading's inline token: emphasis and links unwrapped, HTML tags dropped. */
export function headingText(inline: MdToken | undefined): string {
  const parts: string[] = [];
  const walk = (tokens: MdToken[] | null): void => {
    for (const t of tokens ?? []) {
      if (t.type === 'text' || t.type === 'code_inline') parts.push(t.content);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') parts.push(' ');
      else if (t.type === 'image') walk(t.children);
    }
  };
  walk(inline?.children ?? null);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The heading path (outermost first) as headings are met in document order. */
export class SectionStack {
  private stack: Heading[] = [];

  push(h: Heading): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level >= h.level) this.stack.pop();
    this.stack.push(h);
  }

  /** Empty headings (`#` alone) still close deeper sections but add no name to the path. */
  path(): string[] {
    return this.stack.map((h) => h.text).filter((t) => t !== '');
  }
}
