/** The parsed shape of a runbook. Lines are 1-based everywhere in this model. */

export type BlockKind = 'shell' | 'promql';

export interface BlockAttributes {
  name?: string;
  cwd?: string;
  timeout?: string;
  interactive?: string;
  confirm?: string;
  excludeFromRunAll?: string;
  background?: string;
  promptEnv?: string;
  range?: string;
  step?: string;
  /** `errexit=true`: stop at the first failing command (with pipefail); `pipefail=true`: a pipeline fails when any part does. */
  errexit?: string;
  pipefail?: string;
  [key: string]: string | undefined;
}

export interface Placeholder {
  /** Name without angle brackets, e.g. `pod-name`. */
  name: string;
  /** 1-based line in the document and 0-based column of the `<`. */
  line: number;
  column: number;
}

export interface RunbookBlock {
  /** 1-based index among runnable blocks (shell and promql numbered together). */
  index: number;
  kind: BlockKind;
  /** Language word as written (first word of the info string). */
  lang: string;
  /** The whole info string after the fence. */
  info: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** 1-based line of the closing fence, or the last line of the file when unclosed. */
  endLine: number;
  /** 1-based first and last line of the body (endLine-1 .. line+1 when empty). */
  bodyStartLine: number;
  bodyEndLine: number;
  /** The raw body text, as in the file (fence indentation and blockquote markers removed). */
  body: string;
  /** Exactly what would run (console blocks: prompt lines only, prompts stripped). */
  code: string;
  /** Heading path above the block, outermost first. */
  section: string[];
  name?: string;
  attributes: BlockAttributes;
  /** Unique placeholder names, in order of first appearance. */
  placeholders: string[];
  /** Every placeholder occurrence in the code. */
  placeholderRefs: Placeholder[];
  /** Problems found while reading the info string (malformed attributes). */
  attributeErrors: string[];
  /**
   * True when only prompt lines run: `console`/`shell-session` blocks with prompts, and shell
   * blocks whose first command line is a `$ ` prompt. The other lines are sample output.
   */
  transcript?: boolean;
  /** 1-based document lines that contribute to `code`, in order. */
  runLines?: number[];
  /** Set on a block cut down to the lines the user selected (Run Selection): first and last runbook line run. */
  selectedLines?: [number, number];
}

export interface Heading {
  level: number;
  text: string;
  /** 1-based line. */
  line: number;
}

export interface FenceInfo {
  /** Every fenced block, runnable or not. */
  lang: string;
  info: string;
  line: number;
  endLine: number;
  body: string;
  closed: boolean;
}

/** 1-based lines of front matter (`---` … `---` or `+++` … `+++`) at the top of the file. */
export interface FrontMatterRange {
  line: number;
  endLine: number;
}

export interface Runbook {
  headings: Heading[];
  blocks: RunbookBlock[];
  /** All fenced blocks in order, including non-runnable ones. */
  fences: FenceInfo[];
  /** Number of lines in the document. */
  lineCount: number;
  /** Front matter at the top, which is not Markdown and holds no blocks. */
  frontMatter?: FrontMatterRange;
}
