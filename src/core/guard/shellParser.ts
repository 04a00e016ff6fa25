/**
 * A real bash parser: tree-sitter's bash grammar (the one VS Code ships, via @vscode/tree-sitter-wasm).
 * sh-syntax was the first choice, but its WASM build returns the AST as JSON in which every
 * command node is reduced to its positions (un-ts/sh-syntax#123): no command words to classify.
 * Loading is async (WASM); parsing is synchronous once loaded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser, type Tree } from '@vscode/tree-sitter-wasm';

let ready: Promise<Parser> | undefined;

/** The bundle copies the two .wasm files beside itself; from source they are in node_modules. */
function locate(file: string): string {
  const candidates = [path.join(__dirname, file)];
  try {
    candidates.push(path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm', file));
  } catch {
    // not installed next to us: only the bundle's copy can work
  }
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[0];
}

async function load(): Promise<Parser> {
  await Parser.init({ locateFile: (file: string) => locate(file) });
  const bash = await Language.load(fs.readFileSync(locate('tree-sitter-bash.wasm')));
  const parser = new Parser();
  parser.setLanguage(bash);
  return parser;
}

/** Resolves once the parser is loaded; later calls return the same parser. */
export function bashParser(): Promise<Parser> {
  ready ??= load().catch((err: unknown) => {
    ready = undefined;
    throw new Error(`cannot load the bash parser: ${err instanceof Error ? err.message : String(err)}`);
  });
  return ready;
}

/**
 * tree-sitter-bash joins a line that starts with a backslash to the line before: `echo hi⏎\rm -rf x`
 * parses as one `echo`, where bash runs `rm`. A space in place of that backslash means the same to
 * the guard (it only quotes the next character, or continues an empty line) and keeps every offset.
 */
const LINE_START_BACKSLASH = /(?<=^|\n)\\/g;

/**
 * The last few trees parsed, by text: a run's guard reads the same code three times (the
 * classification, the constants shown in the consent dialog, the commands that print secrets).
 * Each caller gets its own copy (cheap: copies share the tree's nodes) and deletes it.
 */
const recent: { parser: Parser; text: string; tree: Tree }[] = [];
const RECENT_TREES = 4;

export function parseWith(parser: Parser, code: string): Tree {
  const text = code.replace(LINE_START_BACKSLASH, ' ');
  const hit = recent.find((r) => r.parser === parser && r.text === text);
  if (hit) return hit.tree.copy();
  const tree = parser.parse(text);
  if (!tree) throw new Error('the bash parser returned no tree');
  recent.unshift({ parser, text, tree });
  if (recent.length > RECENT_TREES) recent.pop()!.tree.delete();
  return tree.copy();
}
