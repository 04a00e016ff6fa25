import type { BlockAttributes, BlockKind, RunbookBlock } from './types';

/** The `blocks --json` contract: exactly these fields, in this order. */
export interface BlockJson {
  index: number;
  kind: BlockKind;
  lang: string;
  line: number;
  endLine: number;
  section: string[];
  name: string | null;
  attributes: BlockAttributes;
  placeholders: string[];
  code: string;
}

export function blockToJson(b: RunbookBlock): BlockJson {
  return {
    index: b.index,
    kind: b.kind,
    lang: b.lang,
    line: b.line,
    endLine: b.endLine,
    section: b.section,
    name: b.name ?? null,
    attributes: b.attributes,
    placeholders: b.placeholders,
    code: b.code,
  };
}
